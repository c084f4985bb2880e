import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { removeDatabase, removeLeftovers } from '../../../src/adapters/duckdb/snapshot-files.js';

const Files = suite('snapshot files');

Files("a killed prepare's temporary files go, a running one's and other files stay", () => {
  const dir = mkdtempSync(join(tmpdir(), 'fanbase-leftovers-'));
  const out = join(dir, 'fanbase.duckdb');
  // pid 2^22 + 1 is above Linux's highest pid: no such process
  const dead = [`fanbase.duckdb.4194305.tmp`, `fanbase.duckdb.4194305.tmp.wal`];
  const alive = `fanbase.duckdb.${process.pid}.tmp`;
  for (const name of [...dead, alive, 'fanbase.duckdb', 'other.duckdb.4194305.tmp'])
    writeFileSync(join(dir, name), '');
  removeLeftovers(out);
  for (const name of dead) assert.not.ok(existsSync(join(dir, name)), name);
  for (const name of [alive, 'fanbase.duckdb', 'other.duckdb.4194305.tmp'])
    assert.ok(existsSync(join(dir, name)), name);
  removeDatabase(out);
  assert.not.ok(existsSync(out));
  removeLeftovers(join(dir, 'missing', 'x.duckdb')); // a folder that is not there: nothing to do
});

Files.run();
