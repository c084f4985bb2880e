import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { plainRows } from '../../src/duckdb/plain-values.js';
import { generateDataset } from '../../src/generate/generate-dataset.js';
import { openFanbase } from '../../src/open-fanbase.js';
import { freshConnection } from '../support/duckdb.js';
import { expectFanbaseError } from '../support/expect-error.js';

const SIZE = { users: 5_000, artists: 200, streams: 60_000 };

async function query(sql: string) {
  const { conn, close } = await freshConnection();
  try {
    return plainRows((await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[]);
  } finally {
    close();
  }
}

const fingerprint = async (dir: string) =>
  (
    await query(
      `select (select sum(hash(u)) from read_parquet('${dir}/users.parquet') u)::varchar
        || '/' || (select sum(hash(s)) from read_parquet('${dir}/streams/*.parquet') s)::varchar
        || '/' || (select sum(hash(f)) from read_parquet('${dir}/follows.parquet') f)::varchar as print`,
    )
  )[0]?.print;

const Generate = suite('generateDataset');

Generate('is deterministic for a seed, different for another, and writes streams in parts', async () => {
  const root = mkdtempSync(join(tmpdir(), 'fanbase-generate-'));
  const progress: number[] = [];
  await generateDataset({
    ...SIZE,
    seed: 1,
    out: join(root, 'a'),
    chunk: 25_000,
    onProgress: (done) => progress.push(done),
  });
  await generateDataset({ ...SIZE, seed: 1, out: join(root, 'b'), chunk: 25_000 });
  await generateDataset({ ...SIZE, seed: 2, out: join(root, 'c'), chunk: 25_000 });
  assert.equal(progress, [25_000, 50_000, 60_000]);
  assert.equal(readdirSync(join(root, 'a', 'streams')), [
    'part-0000.parquet',
    'part-0001.parquet',
    'part-0002.parquet',
  ]);
  assert.is(await fingerprint(join(root, 'a')), await fingerprint(join(root, 'b')));
  assert.is.not(await fingerprint(join(root, 'a')), await fingerprint(join(root, 'c')));
});

Generate(
  'looks like a platform: minors, unknown ages, consent, countries, heavy tails, follows',
  async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'fanbase-generate-')), 'data');
    await generateDataset({ ...SIZE, seed: 3, out: dir });
    const [users] = await query(
      `select avg((birth_date > date '2008-06-30')::integer) as minors, avg((birth_date is null)::integer) as unknown_birth,
            avg((consent is true)::integer) as consent, avg((country is null)::integer) as no_country,
            count(distinct country) as countries
     from read_parquet('${dir}/users.parquet')`,
    );
    assert.ok(Math.abs((users?.minors as number) - 0.1) < 0.02, `minors ${users?.minors}`);
    assert.ok(Math.abs((users?.unknown_birth as number) - 0.03) < 0.01, `unknown ${users?.unknown_birth}`);
    assert.ok(Math.abs((users?.consent as number) - 0.85) < 0.02, `consent ${users?.consent}`);
    assert.ok((users?.no_country as number) > 0.01, 'some countries unknown');
    assert.ok((users?.countries as number) >= 10);
    const [artists] = await query(
      `with plays as (select artist_id, count(*) as n from read_parquet('${dir}/streams/*.parquet') group by artist_id)
     select max(n)::double / sum(n) as top_share, (select artist_id from plays order by n desc limit 1) as top_artist,
            (select sum(n) from (select n from plays order by n desc limit 2)) / sum(n) as top_1pct_share
     from plays`,
    );
    assert.is(artists?.top_artist, 1, 'artist 1 is the most popular');
    assert.ok(
      (artists?.top_1pct_share as number) > 0.15,
      `the top 1% of artists take ${artists?.top_1pct_share}`,
    );
    const [activity] = await query(
      `with per_user as (select user_id, count(*) as n from read_parquet('${dir}/streams/*.parquet') group by user_id)
     select (select sum(n) from (select n from per_user order by n desc limit 50)) / sum(n) as top_1pct_users from per_user`,
    );
    assert.ok(
      (activity?.top_1pct_users as number) > 0.05,
      `the top 1% of users stream ${activity?.top_1pct_users}`,
    );
    const [follows] = await query(`select count(*) as n from read_parquet('${dir}/follows.parquet')`);
    assert.ok(Math.abs((follows?.n as number) / SIZE.users - 0.33) < 0.03);
  },
);

Generate('loads through the validation with no problem row but missing consents', async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'fanbase-generate-')), 'data');
  await generateDataset({ ...SIZE, seed: 4, out: dir, format: 'csv' });
  const fb = await openFanbase({ data: dir, asOf: '2026-07-01' });
  assert.equal(
    fb.report.issues.map((i) => i.reason),
    ['consent_missing'],
  );
  assert.is(fb.report.totals.streams, SIZE.streams);
  assert.ok((await fb.summary(1)).total_fans > 100);
  await fb.close();
});

Generate('refuses sizes that are not whole numbers', async () => {
  await expectFanbaseError(
    () => generateDataset({ ...SIZE, users: 0, seed: 1, out: '/tmp/never' }),
    'INVALID_ARGUMENT',
    /users must be a whole number >= 1, got 0/,
  );
  await expectFanbaseError(
    () => generateDataset({ ...SIZE, seed: -1, out: '/tmp/never' }),
    'INVALID_ARGUMENT',
    /^seed must be a whole number >= 0/,
  );
});

Generate.run();
