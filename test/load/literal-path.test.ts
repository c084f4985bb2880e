import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { sqlStringList } from '../../src/duckdb/sql-text.js';
import { hasGlobCharacters, literalPath } from '../../src/load/literal-path.js';
import { freshConnection } from '../support/duckdb.js';

const Literal = suite('literalPath');

Literal("escapes each of DuckDB's glob characters as a one-character class", () => {
  assert.is(literalPath('/x/ds*/a?[b].csv'), '/x/ds[*]/a[?][[]b].csv');
  assert.is(literalPath('/x/ds{a,b}\\c/users.csv'), '/x/ds{a,b}\\c/users.csv');
  assert.ok(hasGlobCharacters('streams/*.parquet'));
  assert.ok(hasGlobCharacters('part-[0-9].csv'));
  assert.not.ok(hasGlobCharacters('exports/{2026}/users.csv'));
});

Literal('DuckDB reads an escaped path as that one file, not its glob siblings', async () => {
  const parent = mkdtempSync(join(tmpdir(), 'fanbase-literal-'));
  const names = ['ds*', 'dsA', 'ds?', 'ds[ab]', 'dsa', 'ds**'];
  for (const [i, name] of names.entries()) {
    mkdirSync(join(parent, name));
    writeFileSync(join(parent, name, 'u.csv'), `n\n${i}\n`);
  }
  const { conn, close } = await freshConnection();
  try {
    for (const [i, name] of names.entries()) {
      const file = literalPath(join(parent, name, 'u.csv'));
      const rows = (await conn.runAndReadAll(`select n from read_csv(${sqlStringList([file])})`))
        .getRowObjectsJS()
        .map((r) => Number(r.n));
      assert.equal(rows, [i], name);
    }
  } finally {
    close();
  }
});

Literal.run();
