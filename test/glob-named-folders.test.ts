import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { sqlString } from '../src/duckdb/sql-text.js';
import { openFanbase } from '../src/open-fanbase.js';
import { run } from './support/cli.js';
import { freshConnection } from './support/duckdb.js';

/**
 * Sibling folders named so that a glob would match others: `ds*` matches them all, `ds?` the two-letter
 * ones, `ds[ab]` matches `dsa`. Each holds its own users (folder i has i + 1), so a load that reads a
 * sibling counts too many.
 */
const FOLDERS = ['ds*', 'dsA', 'ds?', 'dsB', 'ds[ab]', 'dsa', 'ds**', 'dsAB'];
const GLOB_NAMED = FOLDERS.filter((name) => /[*?[]/.test(name));
const FORMATS = ['csv', 'parquet', 'jsonl'] as const;
const AS_OF = '2026-06-15';

const usersOf = (i: number) => Array.from({ length: i + 1 }, (_, k) => 100 * i + k + 1);

function csvTables(i: number): Record<string, string> {
  const users = usersOf(i);
  return {
    users: `user_id,birth_date,country,consent\n${users.map((u) => `${u},1990-01-01,FR,true`).join('\n')}\n`,
    streams: `user_id,artist_id,streamed_at,ms_played\n${users.map((u) => `${u},123,2026-06-01T10:00:00Z,180000`).join('\n')}\n`,
    follows: `user_id,artist_id,followed_at\n${users[0]},123,2026-01-01T00:00:00Z\n`,
  };
}

/** A parent temp folder holding FOLDERS, each with a small valid export in `format`. */
async function siblings(format: (typeof FORMATS)[number]): Promise<string> {
  const parent = mkdtempSync(join(tmpdir(), `fanbase-glob-${format}-`));
  const staging = mkdtempSync(join(tmpdir(), 'fanbase-glob-csv-'));
  const { conn, close } = await freshConnection();
  try {
    for (const [i, name] of FOLDERS.entries()) {
      mkdirSync(join(parent, name));
      for (const [table, text] of Object.entries(csvTables(i))) {
        const out = join(parent, name, `${table}.${format}`);
        if (format === 'csv') {
          writeFileSync(out, text);
          continue;
        }
        const csv = join(staging, `${table}-${i}.csv`);
        writeFileSync(csv, text);
        // COPY TO writes to the path as given: DuckDB globs only the paths it reads
        await conn.run(
          `copy (select * from read_csv(${sqlString(csv)})) to ${sqlString(out)} (format ${format === 'jsonl' ? 'json' : 'parquet'})`,
        );
      }
    }
  } finally {
    close();
  }
  return parent;
}

const Globs = suite('data folders named with glob characters');

Globs('openFanbase reads exactly the folder named, in every format', async () => {
  for (const format of FORMATS) {
    const parent = await siblings(format);
    for (const name of GLOB_NAMED) {
      const i = FOLDERS.indexOf(name);
      const fb = await openFanbase({ data: join(parent, name), asOf: AS_OF });
      try {
        const label = `${format} ${name}`;
        assert.is(fb.report.totals.users, i + 1, label);
        assert.is(fb.report.totals.streams, i + 1, label);
        assert.is(fb.report.totals.follows, 1, label);
        for (const source of fb.report.sources) {
          assert.equal(source.files, [join(parent, name, `${source.table}.${format}`)], label);
        }
        assert.is((await fb.summary(123)).total_fans, i + 1, label);
      } finally {
        await fb.close();
      }
    }
  }
});

Globs('fanbase check --data reads exactly the folder named', async () => {
  const parent = await siblings('csv');
  for (const name of GLOB_NAMED) {
    const out = run('fanbase', ['check', '--json', '--data', join(parent, name), '--as-of', AS_OF]);
    assert.is(out.code, 0, out.stderr);
    assert.is(JSON.parse(out.stdout).totals.users, FOLDERS.indexOf(name) + 1, name);
  }
});

Globs("a mapping's glob is a glob in its own text only, relative to a glob-named folder", async () => {
  const parent = await siblings('parquet');
  const { conn, close } = await freshConnection();
  try {
    // ds*/streams/ holds two parts; dsA/streams/ one more, which a glob over the folder name would add
    for (const [name, parts] of [
      ['ds*', ['1', '2']],
      ['dsA', ['9']],
    ] as const) {
      mkdirSync(join(parent, name, 'streams'));
      for (const part of parts) {
        const out = join(parent, name, 'streams', `part-${part}.parquet`);
        await conn.run(
          `copy (select ${part}::bigint as user_id, 123::bigint as artist_id, timestamp '2026-06-01 10:00:00' as streamed_at, 180000 as ms_played) to ${sqlString(out)} (format parquet)`,
        );
      }
    }
  } finally {
    close();
  }
  const data = join(parent, 'ds*');
  const fb = await openFanbase({
    data,
    mapping: { streams: { path: 'streams/*.parquet' }, users: { path: 'users.parquet' } },
    asOf: AS_OF,
  });
  try {
    const streams = fb.report.sources.find((s) => s.table === 'streams');
    assert.equal(streams?.files, [
      join(data, 'streams/part-1.parquet'),
      join(data, 'streams/part-2.parquet'),
    ]);
    assert.is(streams?.rows, 2);
    assert.is(fb.report.totals.users, 1);
  } finally {
    await fb.close();
  }
});

Globs.run();
