import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { openFanbase } from '../src/open-fanbase.js';
import { FIXTURES } from './support/duckdb.js';
import { expectFanbaseError } from './support/expect-error.js';

/**
 * Corrupt exports beyond fixtures/invalid (issue 7): each gets the documented error or report, never a
 * silent drop. The folders are made here from the edge cases (28 streams, 5 of them first).
 */
const EDGE = join(FIXTURES, 'edge-cases/parquet');
const Corrupt = suite('corrupt data');

async function duckdb(sql: string[]) {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  for (const statement of sql) await conn.run(statement);
  conn.closeSync();
  instance.closeSync();
}

Corrupt('a parquet file of random bytes is DATA_UNREADABLE, naming the file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fanbase-garbage-'));
  copyFileSync(join(EDGE, 'users.parquet'), join(dir, 'users.parquet'));
  const bytes = Buffer.alloc(3000);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
  writeFileSync(join(dir, 'streams.parquet'), bytes);
  await expectFanbaseError(
    () => openFanbase({ data: dir, asOf: '2026-06-15' }),
    'DATA_UNREADABLE',
    /streams\.parquet is not a complete parquet file/,
    /export it again/,
  );
});

Corrupt(
  'a folder of parts with mixed schemas loads, and what a part lacks is counted in the report',
  async () => {
    // part 0: 5 streams as exported; part 1: the other 23 with user_id as text and no ms_played column
    const dir = mkdtempSync(join(tmpdir(), 'fanbase-mixed-'));
    mkdirSync(join(dir, 'streams'));
    copyFileSync(join(EDGE, 'users.parquet'), join(dir, 'users.parquet'));
    const source = `'${join(EDGE, 'streams.parquet')}'`;
    await duckdb([
      `copy (select user_id, artist_id, streamed_at, ms_played from ${source} limit 5) to '${join(dir, 'streams/part-0.parquet')}'`,
      `copy (select user_id::varchar as user_id, artist_id, streamed_at from ${source} offset 5) to '${join(dir, 'streams/part-1.parquet')}'`,
    ]);
    const fb = await openFanbase({ data: dir, asOf: '2026-06-15' });
    try {
      const streams = fb.report.sources.find((s) => s.table === 'streams');
      assert.is(streams?.rows, 28);
      assert.is(streams?.files.length, 2);
      const nullMs = fb.report.issues.find((i) => i.table === 'streams' && i.reason === 'null_ms_played');
      assert.is(nullMs?.count, 23, 'every row of the part without ms_played is counted');
      assert.ok(nullMs?.policy, 'with the policy that says what happens to them');
    } finally {
      await fb.close();
    }
  },
);

Corrupt.run();
