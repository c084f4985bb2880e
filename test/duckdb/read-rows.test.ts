import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readRows } from '../../src/duckdb/read-rows.js';
import { freshConnection } from '../support/duckdb.js';

const Read = suite('readRows');

Read('plain values out, and only the parameters the statement names are bound', async () => {
  const { conn, close } = await freshConnection();
  try {
    const rows = await readRows(conn, "select $a::bigint as n, $b as t, date '2026-06-15' as d", {
      a: 5,
      b: 'x',
      unused: 1,
    });
    assert.equal(rows, [{ n: 5, t: 'x', d: '2026-06-15' }]);
  } finally {
    close();
  }
});

Read.run();
