import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import * as sparse from '../../../fixtures/sparse/expected.js';
import { DuckDbFanRepository } from '../../../src/adapters/duckdb/duckdb-fan-repository.js';
import { isAdult } from '../../../src/domain/policy.js';
import type { FanRecord } from '../../../src/domain/repository-rows.js';
import { score } from '../../../src/domain/score.js';
import { resolveSettings, type SettingsOptions } from '../../../src/domain/settings.js';
import { FIXTURES } from '../../support/duckdb.js';
import { expectFanbaseError } from '../../support/expect-error.js';

const DATASETS: [string, SettingsOptions][] = [
  ['edge-cases/csv', { asOf: '2026-06-15' }],
  ['edge-cases/mapped', { asOf: '2026-06-15' }],
  ['edge-cases/semicolon', { asOf: '2026-06-15' }],
  ['row-issues/csv', { asOf: '2026-06-15' }],
  ['sparse/csv', { asOf: '2026-06-15' }],
  // other settings too: the SQL must follow them, not the defaults
  [
    'edge-cases/parquet',
    {
      asOf: '2026-07-01',
      score: { halfLifeDays: 7, weights: { share: 0.4 } },
      fan: { minMsPlayed: 100_000 },
    },
  ],
];

async function open(dir: string, options: SettingsOptions) {
  const settings = resolveSettings(options);
  const mapping = existsSync(join(FIXTURES, dir, 'fanbase.json'))
    ? (await import(`${FIXTURES}/${dir}/fanbase.json`, { with: { type: 'json' } })).default
    : {};
  return { settings, repository: await DuckDbFanRepository.open(join(FIXTURES, dir), mapping, settings) };
}

async function allFans(repository: DuckDbFanRepository): Promise<FanRecord[]> {
  const fans: FanRecord[] = [];
  for (const artist of [7, 10, 11, 123, 200, 300, 400, 500]) fans.push(...(await repository.fans(artist)));
  return fans;
}

const Repository = suite('DuckDbFanRepository');

Repository('the SQL score is the domain score, for every fan of every fixture', async () => {
  for (const [dir, options] of DATASETS) {
    const { settings, repository } = await open(dir, options);
    const fans = await allFans(repository);
    assert.ok(fans.length > 0, dir);
    for (const fan of fans) {
      const expected = score(fan, settings.score);
      assert.ok(
        Math.abs(fan.score - expected) < 1e-12,
        `${dir} user ${fan.user_id}: ${fan.score} vs ${expected}`,
      );
      assert.is(fan.is_adult, isAdult(fan.age, fan.country, settings.majority), `${dir} user ${fan.user_id}`);
    }
    await repository.close();
  }
});

Repository('topFans is the domain ranking of adult fans, cut at the limit', async () => {
  for (const [dir, options] of DATASETS) {
    const { settings, repository } = await open(dir, options);
    for (const artist of [10, 123, 200, 500]) {
      const oracle = (await repository.fans(artist))
        .filter((f) => isAdult(f.age, f.country, settings.majority))
        .sort((a, b) => score(b, settings.score) - score(a, settings.score) || a.user_id - b.user_id);
      for (const limit of [1, 3, 100]) {
        const top = await repository.topFans(artist, limit);
        assert.equal(
          top.map((f) => f.user_id),
          oracle.slice(0, limit).map((f) => f.user_id),
          `${dir} artist ${artist} limit ${limit}`,
        );
      }
    }
    await repository.close();
  }
});

Repository('values out are plain numbers, strings, booleans and null', async () => {
  const { repository } = await open('edge-cases/parquet', { asOf: '2026-06-15' });
  const [fan] = await repository.topFans(123, 1);
  for (const [key, value] of Object.entries(fan ?? {})) {
    assert.ok(
      value === null || ['number', 'string', 'boolean'].includes(typeof value),
      `${key}: ${typeof value}`,
    );
  }
  const profile = await repository.artistProfile(123);
  assert.is(typeof profile.total_fans, 'number');
  assert.is(typeof profile.age_counts[0]?.count, 'number');
  assert.equal(await repository.artistProfile(999), {
    artist_id: 999,
    total_fans: 0,
    age_counts: [],
    country_counts: [],
  });
  await repository.close();
});

Repository('without ms_played, the score leaves listening out', async () => {
  const { repository } = await open('sparse/csv', { asOf: sparse.AS_OF });
  const fans = await repository.fans(123);
  assert.equal(
    fans.map((f) => ({ user_id: f.user_id, score: Number(f.score.toFixed(10)) })),
    sparse.FAN_SCORES_123,
  );
  assert.ok(fans.every((f) => f.listening_ms === null && !f.is_adult));
  assert.equal(await repository.topFans(123, 10), []);
  await repository.close();
});

Repository('engine options are checked and named', async () => {
  const settings = resolveSettings({ asOf: '2026-06-15' });
  const dir = join(FIXTURES, 'edge-cases/parquet');
  for (const [options, message] of [
    [{ threads: 0 }, /threads must be a whole number from 1 to 1024, got 0/],
    [{ connections: 0 }, /connections must be a whole number from 1 to 64, got 0/],
    [{ connections: 1.5 }, /connections must be/],
    [{ memoryLimit: 'lots' }, /memoryLimit must be a size such as '4GB'/],
  ] as const) {
    await expectFanbaseError(
      () => DuckDbFanRepository.open(dir, {}, settings, options),
      'INVALID_OPTIONS',
      message,
    );
  }
  const small = await DuckDbFanRepository.open(dir, {}, settings, {
    threads: 1,
    memoryLimit: '256MB',
    connections: 1,
  });
  assert.is((await small.artistProfile(123)).total_fans, 10);
  await small.close();
});

Repository('artistProfiles gives every artist with fans, as artistProfile does one by one', async () => {
  const { repository } = await open('edge-cases/csv', { asOf: '2026-06-15' });
  const all = await repository.artistProfiles();
  assert.equal(
    all.map((p) => p.artist_id),
    [123, 200, 500],
  );
  for (const profile of all) assert.equal(profile, await repository.artistProfile(profile.artist_id));
  await repository.close();
});

Repository('after close, calls fail with CLOSED', async () => {
  const { repository } = await open('edge-cases/parquet', { asOf: '2026-06-15' });
  const inFlight = repository.topFans(123, 1);
  const first = repository.close();
  assert.is(repository.close(), first, 'close is idempotent');
  await first;
  assert.is((await inFlight)[0]?.user_id, 1, 'a call in flight finishes before the engine closes');
  await expectFanbaseError(() => repository.topFans(123, 1), 'CLOSED', /closed/);
});

Repository('a snapshot keeps only the tables the answers read, and its metadata', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'fanbase-kept-')), 'edge.duckdb');
  await DuckDbFanRepository.prepare(
    join(FIXTURES, 'edge-cases/csv'),
    {},
    resolveSettings({ asOf: '2026-06-15' }),
    out,
  );
  const instance = await DuckDBInstance.create(out, { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  const tables = (
    await conn.runAndReadAll('select table_name from information_schema.tables order by 1')
  ).getRowObjectsJS();
  conn.closeSync();
  instance.closeSync();
  assert.equal(
    tables.map((t) => t.table_name),
    [
      'artist_profiles',
      'artist_tiers',
      'artist_trends',
      'fan_listening',
      'fans',
      'follows',
      'kept_windows',
      'snapshot_meta',
      'snapshot_parts',
      'streams_daily',
      'user_daily',
      'user_volume',
      'users',
      'window_artist_profiles',
      'window_fans',
    ],
  );
});

Repository.run();
