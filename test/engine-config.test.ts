import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readEngineConfig } from '../src/engine-config.js';
import { expectFanbaseError } from './support/expect-error.js';

const Engine = suite('readEngineConfig');

Engine('duckdb by default; flags win over the environment', () => {
  assert.equal(readEngineConfig({}, {}), { engine: 'duckdb' });
  assert.equal(readEngineConfig({ engine: 'duckdb' }, { FANBASE_ENGINE: 'clickhouse' }), {
    engine: 'duckdb',
  });
  const env = {
    FANBASE_ENGINE: 'clickhouse',
    FANBASE_CLICKHOUSE_URL: 'http://ch:8123',
    FANBASE_CLICKHOUSE_USER: 'fanbase',
    FANBASE_CLICKHOUSE_PASSWORD: ' secret ',
    FANBASE_CLICKHOUSE_DATABASE: 'music',
  };
  assert.equal(readEngineConfig({}, env), {
    engine: 'clickhouse',
    clickhouse: { url: 'http://ch:8123', username: 'fanbase', password: ' secret ', database: 'music' },
  });
  assert.is(readEngineConfig({ clickhouseUrl: 'chdb:/tmp/x' }, env).clickhouse?.url, 'chdb:/tmp/x');
});

Engine('each mistake names the flag or variable to fix', async () => {
  await expectFanbaseError(
    () => readEngineConfig({ engine: 'postgres' }, {}),
    'INVALID_OPTIONS',
    /--engine must be duckdb or clickhouse/,
  );
  await expectFanbaseError(
    () => readEngineConfig({}, { FANBASE_ENGINE: 'x' }),
    'INVALID_OPTIONS',
    /FANBASE_ENGINE/,
  );
  await expectFanbaseError(
    () => readEngineConfig({ engine: 'clickhouse' }, {}),
    'INVALID_OPTIONS',
    /--clickhouse-url or FANBASE_CLICKHOUSE_URL/,
  );
  await expectFanbaseError(
    () => readEngineConfig({ engine: 'clickhouse', clickhouseUrl: 'ch:8123' }, {}),
    'INVALID_OPTIONS',
    /http\(s\):\/\/host:port or chdb:<folder>/,
  );
  await expectFanbaseError(
    () => readEngineConfig({ engine: 'clickhouse', clickhouseUrl: 'chdb:' }, {}),
    'INVALID_OPTIONS',
  );
  await expectFanbaseError(
    () => readEngineConfig({ clickhouseUrl: 'http://ch:8123' }, {}),
    'INVALID_OPTIONS',
    /is for --engine clickhouse/,
  );
});

Engine.run();
