import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { chdbTransport } from '../../../src/adapters/clickhouse/chdb-transport.js';
import { sqlString } from '../../../src/duckdb/sql-text.js';
import { freshConnection } from '../../support/duckdb.js';
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

Chdb(
  "a file whose path ClickHouse's file() would glob is refused, never read with its siblings",
  async () => {
    const parent = mkdtempSync(join(tmpdir(), 'fanbase-chdb-glob-'));
    const { conn, close } = await freshConnection();
    try {
      for (const [i, name] of ['t*', 'tA', 't?', 'tB', 't{A,B}', 't{1..2}', 't1'].entries()) {
        mkdirSync(join(parent, name));
        await conn.run(`copy (select ${i}::bigint as x) to ${sqlString(join(parent, name, 'p.parquet'))}`);
      }
    } finally {
      close();
    }
    const transport = await chdbTransport();
    try {
      await transport.command('create table t (x Int64) engine = Memory');
      await transport.insertParquet('t', ['x'], join(parent, 'tA', 'p.parquet'));
      assert.equal(await transport.query('select x from t'), [{ x: 1 }]);
      for (const name of ['t*', 't?', 't{A,B}', 't{1..2}']) {
        await expectFanbaseError(
          () => transport.insertParquet('t', ['x'], join(parent, name, 'p.parquet')),
          'INVALID_OPTIONS',
          /ClickHouse's file\(\) reads \*, \? and \{ in a path as a glob/,
          /Set TMPDIR to a folder whose path has none of them/,
        );
      }
      assert.equal(await transport.query('select x from t'), [{ x: 1 }]);
    } finally {
      await transport.close();
    }
  },
);

Chdb.run();
