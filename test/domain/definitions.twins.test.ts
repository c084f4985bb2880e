/**
 * The twins: every rule the engines run in SQL (sql/ for DuckDB, sql/clickhouse/ for ClickHouse) is defined
 * once in the domain, and this test holds each engine to the domain's definitions on random rows drawn at
 * the rules' boundaries (test/support/random-rows.ts), through the reference model that composes them
 * (test/support/reference-fans.ts): consent (every row of a user), the qualifying play, the window and
 * nothing after as_of, the daily caps, the signals, the score, age (29 February), the 130-year rule,
 * countries and adulthood. A rule changed in one place only fails here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { FanRecord } from '../../src/domain/repository-rows.js';
import { resolveSettings, type SettingsOptions } from '../../src/domain/settings.js';
import { ENGINES } from '../support/engines.js';
import { randomRows, writeCsvExports } from '../support/random-rows.js';
import { referenceFans } from '../support/reference-fans.js';

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

for (const { seed, options, what } of SCENARIOS) {
  Twins(`seed ${seed}: ${what}`, async () => {
    const settings = resolveSettings(options);
    const rows = randomRows(seed, settings.asOf);
    const dir = writeCsvExports(rows, mkdtempSync(join(tmpdir(), 'fanbase-twins-')));
    const expected = referenceFans(rows, settings);
    const artists = [...new Set([...expected.values()].map((f) => f.artist_id))].sort((a, b) => a - b);
    assert.ok(expected.size > 50, `${expected.size} fans: the rows must make enough fans to compare`);
    try {
      for (const engine of ENGINES) {
        const repository = await engine.open(dir, {}, settings);
        try {
          for (const artist of artists) {
            const want = [...expected.values()].filter((f) => f.artist_id === artist).sort(byRank);
            const got = await repository.fans(artist);
            const difference = firstDifference(got, want);
            assert.is(difference, undefined, `${engine.name}, artist ${artist}: ${difference}`);
            assert.equal(
              got.map((f) => f.user_id),
              want.map((f) => f.user_id),
              `${engine.name}, artist ${artist}: order`,
            );
            const adults = want.filter((f) => f.is_adult).map((f) => f.user_id);
            assert.equal(
              (await repository.topFans(artist, 1000)).map((f) => f.user_id),
              adults,
              `${engine.name}, top fans of ${artist}`,
            );
          }
          const profiles = await repository.artistProfiles();
          assert.equal(
            profiles.map((p) => [p.artist_id, p.total_fans]),
            artists.map((a) => [a, [...expected.values()].filter((f) => f.artist_id === a).length]),
            `${engine.name}: fans per artist`,
          );
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
