import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { chdbTransport } from '../../../src/adapters/clickhouse/chdb-transport.js';
import { SESSION_SETTINGS } from '../../../src/adapters/clickhouse/transport.js';

const Transport = suite('SESSION_SETTINGS');

Transport('every statement runs with them: the SQL of sql/clickhouse relies on each', async () => {
  const transport = await chdbTransport();
  try {
    for (const [name, value] of Object.entries(SESSION_SETTINGS)) {
      const [row] = await transport.query('select toString(getSetting({name:String})) as value', { name });
      assert.ok(['1', 'true', '0', 'false'].includes(String(row?.value)), name);
      assert.is(['1', 'true'].includes(String(row?.value)) ? 1 : 0, value, name);
    }
    // what they change, seen: a missing side of an outer join is null, not 0
    const [joined] = await transport.query(
      'select b.y as y from (select 1 as x) as a left join (select 2 as x, 5 as y) as b on a.x = b.x',
    );
    assert.is(joined?.y, null);
    // 64-bit integers come as JSON numbers
    const [big] = await transport.query('select toInt64(9007199254740991) as n');
    assert.is(big?.n, Number.MAX_SAFE_INTEGER);
  } finally {
    await transport.close();
  }
});

Transport.run();
