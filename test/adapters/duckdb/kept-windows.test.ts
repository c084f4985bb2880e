/**
 * The standard windows a snapshot keeps: `prepare` computes 7d, 28d and 12m of its as_of once, and a
 * snapshot answers them from its window tables (or from the load's own tables when the window holds every
 * day the snapshot keeps) exactly as the same exports loaded in memory answer them, computed from the daily
 * aggregates. Each case's kept windows are worked out below from the fixture's first and last stream days.
 * A window with fewer days before it than in it (12m a year on, the demo's 12m in 2027, 7d and 28d of the
 * 60-day load) is summed as the snapshot's sums less those of the days before it; the others from their own
 * days: the same cases hold both ways to the computed answers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { DuckDbFanRepository } from '../../../src/adapters/duckdb/duckdb-fan-repository.js';
import type { FanRepository } from '../../../src/domain/fan-repository.js';
import type { ArtistProfile, FanRecord } from '../../../src/domain/repository-rows.js';
import { resolveSettings, type Settings, type SettingsOptions } from '../../../src/domain/settings.js';
import { resolveWindow, type TimeWindow } from '../../../src/domain/time-window.js';
import { FIXTURES } from '../../support/duckdb.js';

interface Case {
  dir: string;
  options: SettingsOptions;
  /** How each standard window is kept: 'all' (the load's tables) or 'tables' (window_fans and profiles). */
  kept: { '7d': 'all' | 'tables'; '28d': 'all' | 'tables'; '12m': 'all' | 'tables' };
  /** The windows past the last stream: their fans are the followers, with no stream counted. */
  noStream: string[];
}

const CASES: Case[] = [
  // streams 2026-04-16..2026-06-15: 7d starts 06-09 and 28d 05-19, after the first day, so both are kept in
  // tables; 12m starts 2025-06-16, before it, so it holds every day and is answered as `all`
  {
    dir: 'edge-cases/csv',
    options: { asOf: '2026-06-15' },
    kept: { '7d': 'tables', '28d': 'tables', '12m': 'all' },
    noStream: [],
  },
  // the same streams a year on: 12m starts 2026-04-21, after the first day (04-16), so it is kept in tables
  // too, without the streams of 04-16..04-20; 7d (from 2027-04-14) and 28d (from 03-24) hold no stream:
  // their fans are the followers (a follow made by the window's end counts)
  {
    dir: 'edge-cases/csv',
    options: { asOf: '2027-04-20' },
    kept: { '7d': 'tables', '28d': 'tables', '12m': 'tables' },
    noStream: ['7d', '28d'],
  },
  // a load of 60 days (from 2026-05-03): 12m is clamped to the load's start, so it is `all`; 28d starts
  // 06-04 and 7d 06-25 (after the last stream, 06-15): both kept in tables, 7d with no fan; other settings
  // too, which the kept windows must follow
  {
    dir: 'edge-cases/parquet',
    options: {
      asOf: '2026-07-01',
      score: { halfLifeDays: 7, weights: { share: 0.4 } },
      fan: { minMsPlayed: 100_000, windowDays: 60 },
    },
    kept: { '7d': 'tables', '28d': 'tables', '12m': 'all' },
    noStream: ['7d'],
  },
  // streams 2026-02-20..2026-03-05: 7d starts 02-27 (kept); 28d starts 02-06, before the first day (`all`)
  {
    dir: 'rules/csv',
    options: { asOf: '2026-03-05' },
    kept: { '7d': 'tables', '28d': 'all', '12m': 'all' },
    noStream: [],
  },
  // the demo, streams from 2026-01-01: 7d and 28d kept, 12m (from 2025-06-16) `all`
  {
    dir: 'demo',
    options: { asOf: '2026-06-15' },
    kept: { '7d': 'tables', '28d': 'tables', '12m': 'all' },
    noStream: [],
  },
  // the demo on 2027-01-15: 12m starts 2026-01-16, so it is kept without the first 15 days; the last stream
  // is on 2026-06-30, so 7d and 28d hold none
  {
    dir: 'demo',
    options: { asOf: '2027-01-15' },
    kept: { '7d': 'tables', '28d': 'tables', '12m': 'tables' },
    noStream: ['7d', '28d'],
  },
];

const WINDOWS = ['7d', '28d', '12m'] as const;

async function keptWindowsOf(file: string): Promise<Record<string, string>> {
  const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  try {
    const rows = (
      await conn.runAndReadAll('select window_name, same_as_all from kept_windows')
    ).getRowObjectsJS();
    return Object.fromEntries(rows.map((r) => [String(r.window_name), r.same_as_all ? 'all' : 'tables']));
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** Fans equal field by field, the score and share to 1e-12 (both are sums of doubles). */
function assertSameFans(actual: FanRecord[], expected: FanRecord[], label: string): void {
  assert.is(actual.length, expected.length, `${label}: number of fans`);
  expected.forEach((e, i) => {
    const a = actual[i] as FanRecord;
    const { score, share, ...rest } = e;
    const { score: aScore, share: aShare, ...aRest } = a;
    assert.equal(aRest, rest, `${label}: fan #${i}`);
    assert.ok(Math.abs(aScore - score) < 1e-12, `${label}: user ${e.user_id} score ${aScore} vs ${score}`);
    assert.ok(Math.abs(aShare - share) < 1e-12, `${label}: user ${e.user_id} share ${aShare} vs ${share}`);
  });
}

/** Every artist on the small fixtures; on the demo the 10 largest and every 25th. */
function asked(profiles: ArtistProfile[]): number[] {
  if (profiles.length <= 50) return profiles.map((p) => p.artist_id);
  const largest = [...profiles].sort((a, b) => b.total_fans - a.total_fans).slice(0, 10);
  return [...largest, ...profiles.filter((_, i) => i % 25 === 0)].map((p) => p.artist_id);
}

async function compare(snapshot: FanRepository, memory: FanRepository, window: TimeWindow, label: string) {
  const profiles = await memory.artistProfiles(window);
  assert.equal(await snapshot.artistProfiles(window), profiles, `${label}: artist profiles`);
  const streams: number[] = [];
  for (const artist of asked(profiles)) {
    assert.equal(
      await snapshot.artistProfile(artist, window),
      await memory.artistProfile(artist, window),
      `${label}: profile of ${artist}`,
    );
    const fans = await memory.fans(artist, window);
    assertSameFans(await snapshot.fans(artist, window), fans, `${label}: fans of ${artist}`);
    for (const fan of fans) streams.push(fan.follows ? fan.streams : -1);
    assertSameFans(
      await snapshot.topFans(artist, 10, window),
      await memory.topFans(artist, 10, window),
      `${label}: top fans of ${artist}`,
    );
    // the tiers kept per artist (artist_tiers, counted over the kept window's fans) against the computed
    assert.equal(
      await snapshot.artistSegments(artist, window),
      await memory.artistSegments(artist, window),
      `${label}: tiers of ${artist}`,
    );
    // the trend kept per artist (artist_trends, over the kept window's fans) against the computed one
    assert.equal(
      await snapshot.artistTrend(artist, window),
      await memory.artistTrend(artist, window),
      `${label}: trend of ${artist}`,
    );
    // a page of the ranking: the kept window's ranks (kept_window_top_fans.sql) against the computed ones
    assertSameFans(
      await snapshot.topFans(artist, 4, window, 3),
      await memory.topFans(artist, 4, window, 3),
      `${label}: top fans 4 to 7 of ${artist}`,
    );
  }
  // an artist with no fan in the window: no profile row either way
  assert.equal(await snapshot.artistProfile(-1, window), await memory.artistProfile(-1, window), label);
  assert.ok(profiles.length > 0, `${label}: some artist has fans`);
  return streams;
}

const Kept = suite('kept standard windows');

for (const c of CASES) {
  Kept(
    `a snapshot answers 7d, 28d and 12m as they are computed: ${c.dir} ${JSON.stringify(c.options)}`,
    async () => {
      const settings: Settings = resolveSettings(c.options);
      const dir = mkdtempSync(join(tmpdir(), 'fanbase-kept-windows-'));
      const out = join(dir, 'snapshot.duckdb');
      try {
        await DuckDbFanRepository.prepare(join(FIXTURES, c.dir), {}, settings, out);
        assert.equal(await keptWindowsOf(out), c.kept, 'how each standard window is kept');
        const { repository: snapshot } = await DuckDbFanRepository.openSnapshot(out);
        const memory = await DuckDbFanRepository.open(join(FIXTURES, c.dir), {}, settings);
        try {
          // over all, the trend the snapshot keeps (artist_trends) against the one computed from the exports
          for (const { artist_id } of await memory.artistProfiles()) {
            assert.equal(
              await snapshot.artistTrend(artist_id),
              await memory.artistTrend(artist_id),
              `${c.dir}, all: trend of ${artist_id}`,
            );
          }
          for (const name of WINDOWS) {
            const window = resolveWindow(name, settings) as TimeWindow;
            const streams = await compare(snapshot, memory, window, `${c.dir}, ${name}`);
            const followersOnly = streams.every((n) => n === 0);
            assert.is(
              followersOnly,
              c.noStream.includes(name),
              `${c.dir}, ${name}: only followers, no stream`,
            );
          }
        } finally {
          await snapshot.close();
          await memory.close();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
}

Kept.run();
