import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { instanceConfig } from '../../src/duckdb/instance-config.js';
import { expectFanbaseError } from '../support/expect-error.js';

const Config = suite('instanceConfig');

Config('extensions never come from the network; threads and memory as given', () => {
  const config = instanceConfig({ threads: 2, memoryLimit: '1GB' });
  assert.is(config.autoinstall_known_extensions, 'false');
  assert.is(config.autoload_known_extensions, 'false');
  assert.is(config.threads, '2');
  assert.is(config.memory_limit, '1GB');
  assert.ok(Number(instanceConfig().threads) >= 1);
  assert.is(instanceConfig().memory_limit, undefined);
});

Config('a wrong option is named', async () => {
  await expectFanbaseError(() => instanceConfig({ threads: 0 }), 'INVALID_OPTIONS', /threads must be/);
  await expectFanbaseError(() => instanceConfig({ memoryLimit: 'lots' }), 'INVALID_OPTIONS', /memoryLimit/);
});

Config.run();
