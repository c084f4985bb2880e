import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { chdbTransport } from '../../../src/adapters/clickhouse/chdb-transport.js';
import {
  createSchema,
  minMsPlayedMismatch,
  schemaSettings,
} from '../../../src/adapters/clickhouse/schema.js';
import { expectFanbaseError } from '../../support/expect-error.js';

const Schema = suite('ClickHouse schema');

Schema(
  'no schema: no settings (DATA_NOT_FOUND); created once, it keeps the threshold it counts with',
  async () => {
    const transport = await chdbTransport();
    try {
      await expectFanbaseError(() => schemaSettings(transport), 'DATA_NOT_FOUND');
      assert.is(await createSchema(transport, 45_000), 45_000);
      assert.is(await createSchema(transport, 30_000), 45_000, 'an existing schema keeps its own');
      assert.equal(await schemaSettings(transport), { minMsPlayed: 45_000 });
      assert.match(minMsPlayedMismatch(transport, 45_000, 30_000).message, /count plays of 45000 ms or more/);
    } finally {
      await transport.close();
    }
  },
);

Schema.run();
