import { existsSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { chdbTransport } from '../../../src/adapters/clickhouse/chdb-transport.js';
import { expectFanbaseError } from '../../support/expect-error.js';

const Chdb = suite('chdbTransport');

Chdb('parameters are bound by ClickHouse, never spliced into the SQL', async () => {
  const transport = await chdbTransport();
  try {
    const hostile = "x'); drop table users_source; --";
    const [row] = await transport.query(
      'select {s:String} as s, {n:Nullable(Int64)} as n, {a:Array(Int64)} as a',
      {
        s: hostile,
        n: null,
        a: [1, 2],
      },
    );
    assert.equal(row, { s: hostile, n: null, a: [1, 2] });
    await transport.command('create table t (x Int64) engine = Memory');
    await transport.command('insert into t select number from numbers({n:UInt32})', { n: 3 });
    assert.equal(await transport.query('select x from t order by x'), [{ x: 0 }, { x: 1 }, { x: 2 }]);
  } finally {
    await transport.close();
  }
});

Chdb('a statement past the timeout fails with QUERY_TIMEOUT; the session stays usable', async () => {
  const transport = await chdbTransport({ queryTimeoutMs: 1000 });
  try {
    await expectFanbaseError(
      () => transport.query('-- a long count\nselect count() from numbers(1e12) where sipHash64(number) = 0'),
      'QUERY_TIMEOUT',
      /"a long count" ran past the query timeout/,
    );
    assert.equal(await transport.query('select 1 as one'), [{ one: 1 }]);
  } finally {
    await transport.close();
  }
});

Chdb('close removes a temporary folder, is idempotent, and later calls fail with CLOSED', async () => {
  const transport = await chdbTransport();
  const folder = transport.target.replace(/^chdb /, '');
  assert.ok(existsSync(folder));
  await transport.close();
  await transport.close();
  assert.not.ok(existsSync(folder));
  await expectFanbaseError(() => transport.query('select 1'), 'CLOSED');
});

Chdb.run();
