/**
 * The twins: every rule the engines run in SQL (sql/ for DuckDB, sql/clickhouse/ for ClickHouse) is defined
 * once in the domain, and this test holds each engine to the domain's definitions on random rows drawn at
 * the rules' boundaries (test/support/random-rows.ts), through the reference model that composes them
 * (test/support/reference-fans.ts): consent (every row of a user), the qualifying play, the window and
 * nothing after as_of, a question's window (7d, 28d, 12m, a range), the daily caps, the signals, the score, age (29 February), the 130-year rule,
 * countries and adulthood. A rule changed in one place only fails here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { daysBefore } from '../../src/domain/calendar-date.js';
import type { FanRecord } from '../../src/domain/repository-rows.js';
import { resolveSettings, type Settings, type SettingsOptions } from '../../src/domain/settings.js';
import { resolveWindow, type TimeWindow } from '../../src/domain/time-window.js';
import { ENGINES } from '../support/engines.js';
import { randomRows, writeCsvExports } from '../support/random-rows.js';
import { referenceFans, referenceTrend } from '../support/reference-fans.js';

const SCENARIOS: { seed: number; options: SettingsOptions; what: string }[] = [
  { seed: 1, options: { asOf: '2026-02-28' }, what: 'defaults, 28 February of a common year' },
  { seed: 2, options: { asOf: '2028-02-29' }, what: 'defaults, 29 February of a leap year' },
  {
    seed: 3,
    options: {
      asOf: '2031-03-01',
      fan: { windowDays: 30, minMsPlayed: 0, minStreams: 2, followsMakeFans: false },
      score: { dailyCapMs: 3_600_000, dailyCapStreams: 5, halfLifeDays: 7, weights: { share: 0.4 } },
    },
    what: 'a window, 0 ms plays, two streams, no follow fans, other caps; 130 years back is 1901',
  },
  {
    seed: 4,
    options: { asOf: '2030-06-15', fan: { since: '2030-05-01' }, majority: { byCountry: { FR: 21 } } },
    what: 'a window from a date, another majority table',
  },
];

const Twins = suite('the engines against the domain definitions');

const FIELDS = [
  'artist_id',
  'user_id',
  'country',
  'age',
  'is_adult',
  'score',
  'listening_ms',
  'streams',
  'active_days',
  'days_since_last_stream',
  'share',
  'follows',
] as const;
const comparable = (fan: FanRecord) =>
  Object.fromEntries(
    FIELDS.map((k) => [k, typeof fan[k] === 'number' ? Math.round((fan[k] as number) * 1e9) / 1e9 : fan[k]]),
  );

/** The first fan on which the engine and the model differ, field by field, for a readable failure. */
function firstDifference(got: FanRecord[], want: FanRecord[]): string | undefined {
  const index = new Map(got.map((f) => [f.user_id, comparable(f)]));
  for (const fan of want) {
    const theirs = index.get(fan.user_id);
    if (!theirs) return `user ${fan.user_id} missing: expected ${JSON.stringify(comparable(fan))}`;
    const ours = comparable(fan);
    const fields = FIELDS.filter((k) => theirs[k] !== ours[k]);
    if (fields.length) {
      return `user ${fan.user_id}: ${fields.map((k) => `${k} ${theirs[k]}, expected ${ours[k]}`).join('; ')}`;
    }
    index.delete(fan.user_id);
  }
  const extra = [...index.values()][0];
  return extra
    ? `user ${extra.user_id} is not a fan by the definitions: ${JSON.stringify(extra)}`
    : undefined;
}
const byRank = (a: FanRecord, b: FanRecord) => b.score - a.score || a.user_id - b.user_id;

/** The windows every scenario is asked over: the load's, the named ones, a range ending before as_of. */
function windowsOf(settings: Settings): (TimeWindow | null)[] {
  const range = `${daysBefore(settings.asOf, 40)}..${daysBefore(settings.asOf, 10)}`;
  return [null, ...['7d', '28d', '12m', range].map((w) => resolveWindow(w, settings))];
}

for (const { seed, options, what } of SCENARIOS) {
  Twins(`seed ${seed}: ${what}`, async () => {
    const settings = resolveSettings(options);
    const rows = randomRows(seed, settings.asOf);
    const dir = writeCsvExports(rows, mkdtempSync(join(tmpdir(), 'fanbase-twins-')));
    const windows = windowsOf(settings);
    const expectations = windows.map((window) => referenceFans(rows, settings, window));
    const trends = windows.map((window) => referenceTrend(rows, settings, window));
    const everyDay = expectations[0] as Map<string, FanRecord>;
    assert.ok(everyDay.size > 50, `${everyDay.size} fans: the rows must make enough fans to compare`);
    // the windows must tell apart: some fans in each, fewer in the last 7 days than over all the load
    const sizes = expectations.map((e) => e.size);
    assert.ok(
      sizes.every((n) => n > 0 && n <= (sizes[0] as number)) && (sizes[1] as number) < (sizes[0] as number),
      `fans per window (all, 7d, 28d, 12m, range): ${sizes}`,
    );
    try {
      for (const engine of ENGINES) {
        const repository = await engine.open(dir, {}, settings);
        try {
          for (const [w, window] of windows.entries()) {
            const expected = expectations[w] as Map<string, FanRecord>;
            const label = `${engine.name}, window ${window?.name ?? 'all'}`;
            const artists = [...new Set([...expected.values()].map((f) => f.artist_id))].sort(
              (a, b) => a - b,
            );
            // every artist over all the load; over a window, every third (the profiles count them all)
            for (const artist of artists.filter((_, i) => window === null || i % 3 === 0)) {
              const want = [...expected.values()].filter((f) => f.artist_id === artist).sort(byRank);
              const got = await repository.fans(artist, window);
              const difference = firstDifference(got, want);
              assert.is(difference, undefined, `${label}, artist ${artist}: ${difference}`);
              assert.equal(
                got.map((f) => f.user_id),
                want.map((f) => f.user_id),
                `${label}, artist ${artist}: order`,
              );
              const adults = want.filter((f) => f.is_adult).map((f) => f.user_id);
              assert.equal(
                (await repository.topFans(artist, 1000, window)).map((f) => f.user_id),
                adults,
                `${label}, top fans of ${artist}`,
              );
              assert.equal(
                await repository.artistTrend(artist, window),
                trends[w]?.get(artist) ?? [],
                `${label}, trend of ${artist}`,
              );
            }
            const profiles = await repository.artistProfiles(window);
            assert.equal(
              profiles.map((p) => [p.artist_id, p.total_fans]),
              artists.map((a) => [a, [...expected.values()].filter((f) => f.artist_id === a).length]),
              `${label}: fans per artist`,
            );
          }
        } finally {
          await repository.close();
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

Twins.run();
