import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { chdbTransport } from '../../../src/adapters/clickhouse/chdb-transport.js';
import {
  latestLoad,
  recordLoad,
  TRUNCATE_STATEMENTS,
  unfinishedLoad,
} from '../../../src/adapters/clickhouse/load-record.js';
import { createSchema } from '../../../src/adapters/clickhouse/schema.js';

const Record = suite('ClickHouse load record');

Record(
  'the last prepare: started, then finished with its report; unfinished names what to empty',
  async () => {
    const transport = await chdbTransport();
    try {
      await createSchema(transport, 30_000);
      assert.is(await latestLoad(transport), undefined);
      await recordLoad(transport, 'started', '');
      const started = await latestLoad(transport);
      assert.equal([started?.finished, started?.report], [false, undefined]);
      assert.match(unfinishedLoad(transport, started as never).message, /did not finish/);
      assert.ok(unfinishedLoad(transport, started as never).message.includes(TRUNCATE_STATEMENTS));
      await new Promise((resolve) => setTimeout(resolve, 5)); // a later instant for the second row
      await recordLoad(transport, 'finished', JSON.stringify({ as_of: '2026-06-15' }));
      const finished = await latestLoad(transport);
      assert.equal([finished?.finished, finished?.report?.as_of], [true, '2026-06-15']);
    } finally {
      await transport.close();
    }
  },
);

Record.run();
