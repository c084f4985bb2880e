/**
 * The FanRepository contract, held for every adapter on every fixture dataset: the hand-worked answers of
 * fixtures/*\/expected.ts, and, on every dataset, the same profiles, fans and top fans as the DuckDB
 * reference (scores to 1e-12), over the load and over windows of days (the twin test holds the windows to
 * the domain's definitions). Engines: DuckDB, ClickHouse through chdb's API, ClickHouse through
 * @clickhouse/client (chdb as its connection).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import * as edge from '../../fixtures/edge-cases/expected.js';
import * as kAnonymity from '../../fixtures/k-anonymity/expected.js';
import * as rowIssues from '../../fixtures/row-issues/expected.js';
import * as rules from '../../fixtures/rules/expected.js';
import * as sparse from '../../fixtures/sparse/expected.js';
import * as zeroMs from '../../fixtures/zero-ms/expected.js';
import { daysBefore } from '../../src/domain/calendar-date.js';
import type { FanRepository } from '../../src/domain/fan-repository.js';
import { createFanbase } from '../../src/domain/fanbase.js';
import type { ArtistProfile, FanRecord } from '../../src/domain/repository-rows.js';
import { engagementTierOf, type TierCounts } from '../../src/domain/segments.js';
import { resolveSettings, type Settings, type SettingsOptions } from '../../src/domain/settings.js';
import { resolveWindow, type TimeWindow } from '../../src/domain/time-window.js';
import type { RankedFan } from '../../src/domain/top-fans-index.js';
import { readMappingFile } from '../../src/load/mapping.js';
import { FIXTURES } from '../support/duckdb.js';
import { DUCKDB, ENGINES, type Engine } from '../support/engines.js';

interface Dataset {
  dir: string;
  options: SettingsOptions;
  /** The hand-worked answers of the fixture, checked on every engine. */
  expect?: (repository: FanRepository, settings: Settings, label: string) => Promise<void>;
}

const round = (x: number) => Number(x.toFixed(10));

const edgeAnswers = async (repository: FanRepository, settings: Settings, label: string) => {
  const fb = createFanbase(repository, settings, {});
  for (const expected of edge.SUMMARIES) assert.equal(await fb.summary(expected.artist_id), expected, label);
  const top = (await fb.topFans(123, 100)).map((f) => ({ ...f, score: round(f.score) }));
  assert.equal(top, edge.TOP_FANS_123, label);
  assert.equal(await repository.artistTrend(123), edge.TREND_123, `${label}: trend of 123`);
  const week = resolveWindow('7d', settings);
  assert.equal(await repository.artistTrend(123, week), edge.TREND_123_7D, `${label}: trend of 123, 7d`);
  const audience = await fb.audience(123, { window: '7d' });
  assert.equal(audience.activity, edge.ACTIVITY_123_7D, `${label}: activity of 123, 7d`);
  assert.equal(
    audience.trend,
    [{ month: '2026-06', since: '2026-06-09', until: '2026-06-15', active_fans: 6, new_fans: 5 }],
    `${label}: the trend of 123 over 7d as the audience shows it`,
  );
  assert.equal(
    (await fb.topFans(500, 10)).map((f) => ({ ...f, score: round(f.score) })),
    edge.TOP_FANS_500,
    label,
  );
  const shown = (await repository.everyTopFans(100)).map((f) => f.user_id);
  for (const user of edge.NEVER_SHOWN) assert.not.ok(shown.includes(user), `${label}: user ${user} shown`);
};

const DATASETS: Dataset[] = [
  { dir: 'edge-cases/csv', options: { asOf: edge.AS_OF }, expect: edgeAnswers },
  { dir: 'edge-cases/parquet', options: { asOf: edge.AS_OF }, expect: edgeAnswers },
  { dir: 'edge-cases/jsonl', options: { asOf: edge.AS_OF }, expect: edgeAnswers },
  { dir: 'edge-cases/mapped', options: { asOf: edge.AS_OF }, expect: edgeAnswers },
  { dir: 'edge-cases/semicolon', options: { asOf: edge.AS_OF }, expect: edgeAnswers },
  {
    dir: 'row-issues/csv',
    options: { asOf: rowIssues.AS_OF },
    async expect(repository, settings, label) {
      const fb = createFanbase(repository, settings, {});
      assert.equal(await fb.summary(10), rowIssues.SUMMARY_10, label);
      assert.equal(await fb.summary(11), rowIssues.SUMMARY_11, label);
      const adults = (await repository.topFans(10, 100)).map((f) => f.user_id).sort((a, b) => a - b);
      assert.equal(adults, rowIssues.ADULT_FANS_10, label);
    },
  },
  {
    dir: 'sparse/csv',
    options: { asOf: sparse.AS_OF },
    async expect(repository, settings, label) {
      const fb = createFanbase(repository, settings, {});
      assert.equal(await fb.summary(123), sparse.SUMMARY_123, label);
      const scores = (await repository.fans(123)).map((f) => ({ user_id: f.user_id, score: round(f.score) }));
      assert.equal(scores, sparse.FAN_SCORES_123, label);
      assert.equal(await repository.topFans(123, 10), [], `${label}: no one is known to be an adult`);
    },
  },
  {
    dir: 'zero-ms/csv',
    options: { asOf: zeroMs.AS_OF, fan: { minMsPlayed: zeroMs.MIN_MS_PLAYED } },
    async expect(repository, settings, label) {
      const fb = createFanbase(repository, settings, {});
      assert.equal(await fb.summary(5), zeroMs.SUMMARY_5, label);
      const top = (await fb.topFans(5, 10)).map((f) => ({ ...f, score: round(f.score) }));
      assert.equal(top, zeroMs.TOP_FANS_5, label);
      const silent = (await repository.fans(5)).find((f) => f.user_id === 1);
      assert.is(silent?.share, 0, `${label}: no volume, no share`);
    },
  },
  {
    dir: 'k-anonymity/csv',
    options: { asOf: kAnonymity.AS_OF },
    async expect(repository, settings, label) {
      for (const [k, expected] of [
        [0, kAnonymity.OPEN],
        [kAnonymity.K, kAnonymity.FLOORED],
      ] as const) {
        const fb = createFanbase(repository, settings, { minFansForDemographics: k });
        for (const summary of expected) {
          assert.equal(await fb.summary(summary.artist_id), summary, `${label}, k ${k}`);
        }
      }
    },
  },
  {
    // each rule at its boundary: 29 February, the daily caps, after as_of, exactly 30 s, 130 years
    dir: 'rules/csv',
    options: { asOf: rules.AS_OF },
    async expect(repository, settings, label) {
      const fb = createFanbase(repository, settings, {});
      for (const expected of rules.SUMMARIES) {
        assert.equal(await fb.summary(expected.artist_id), expected, `${label} artist ${expected.artist_id}`);
      }
      const top = (await fb.topFans(1, 10)).map((f) => ({ ...f, score: round(f.score) }));
      assert.equal(top, rules.TOP_FANS_1, label);
      const capped = (await repository.fans(1)).find((f) => f.user_id === 2);
      const { listening_ms, streams, active_days, days_since_last_stream, share, follows } = capped ?? {};
      assert.equal(
        { listening_ms, streams, active_days, days_since_last_stream, share, follows },
        rules.USER_2_SIGNALS,
        label,
      );
      for (const { window, summaries, topFans1 } of rules.WINDOWS) {
        for (const expected of summaries) {
          assert.equal(
            await fb.summary(expected.artist_id, { window }),
            expected,
            `${label} artist ${expected.artist_id}, window ${window}`,
          );
        }
        const windowTop = (await fb.topFans(1, 10, { window })).map((f) => ({ ...f, score: round(f.score) }));
        assert.equal(windowTop, topFans1, `${label}, top fans of 1, window ${window}`);
      }
      const minor = (await repository.fans(1)).find((f) => f.user_id === 1);
      assert.equal(
        [minor?.age, minor?.is_adult],
        [17, false],
        `${label}: born 29 February, 17 until 1 March`,
      );
    },
  },
  // the demo has no hand-worked answers: it is held to the reference, artist by artist
  { dir: 'demo', options: { asOf: '2026-06-15' } },
  // other settings too: the SQL must follow them, not the defaults
  {
    dir: 'edge-cases/parquet',
    options: {
      asOf: '2026-07-01',
      // low half points: user 1 (3 streams on 3 days) is a super fan of 123 there
      score: { halfLifeDays: 7, weights: { share: 0.4 }, streamsHalf: 3, activeDaysHalf: 3 },
      fan: { minMsPlayed: 100_000, windowDays: 60 },
    },
  },
];

/** Everything a repository answers about a dataset, to hold one engine to another. */
interface Answers {
  profiles: ArtistProfile[];
  fans: Map<number, FanRecord[]>;
  top: RankedFan[];
  /** The first artists' first 12 top fans over the load and each window, read in pages (`pagesOf`). */
  pages: FanRecord[];
  /** The first artists' fans by engagement tier, over the load and each window. */
  tiers: TierCounts[];
  missing: ArtistProfile;
  /** Over each window of `windowsOf`: every profile, the first artists' fans and their 10 top fans. */
  windowed: {
    window: TimeWindow;
    profiles: ArtistProfile[];
    fans: Map<number, FanRecord[]>;
    top: FanRecord[];
  }[];
}

/**
 * The windows asked on every fixture: the last 28 days, and the 30 days before them (a range ending before
 * as_of). The twin test asks 7d and 12m too, against the domain's definitions.
 */
function windowsOf(settings: Settings): TimeWindow[] {
  const range = `${daysBefore(settings.asOf, 59)}..${daysBefore(settings.asOf, 30)}`;
  return ['28d', range].map((w) => resolveWindow(w, settings) as TimeWindow);
}

/** Every artist's fans on the small fixtures; on the demo (hundreds of artists) every 10th and the largest. */
function sampled(profiles: ArtistProfile[]): number[] {
  if (profiles.length <= 50) return profiles.map((p) => p.artist_id);
  const largest = [...profiles].sort((a, b) => b.total_fans - a.total_fans)[0] as ArtistProfile;
  return [largest.artist_id, ...profiles.filter((_, i) => i % 10 === 0).map((p) => p.artist_id)];
}

async function answers(repository: FanRepository, settings: Settings, artists?: number[]): Promise<Answers> {
  const profiles = await repository.artistProfiles();
  // in pages of 2 artists, after the first artist's id less one: the same profiles, in the same order
  const paged: ArtistProfile[] = [];
  for (let after = (profiles[0]?.artist_id ?? 0) - 1; ; ) {
    const page = await repository.artistProfiles(null, { after, limit: 2 });
    paged.push(...page);
    if (page.length < 2) break;
    after = (page.at(-1) as ArtistProfile).artist_id;
  }
  assert.equal(paged, profiles, 'the profiles read in pages of 2');
  const asked = artists ?? sampled(profiles);
  const fans = new Map<number, FanRecord[]>();
  for (const artist of asked) fans.set(artist, await repository.fans(artist));
  // the engine's tier counts are the domain's tiers of the engine's fans, over the load and each window
  const tiers: TierCounts[] = [];
  for (const window of [null, ...windowsOf(settings)]) {
    for (const artist of asked.slice(0, 4)) {
      const counted = { super: 0, moderate: 0, light: 0 };
      for (const fan of await repository.fans(artist, window))
        counted[engagementTierOf(fan, settings.score)]++;
      const got = await repository.artistSegments(artist, window);
      assert.equal(got, counted, `tiers of ${artist}, window ${window?.name ?? 'all'}`);
      tiers.push(got);
    }
  }
  const windowed: Answers['windowed'] = [];
  for (const window of windowsOf(settings)) {
    const byArtist = new Map<number, FanRecord[]>();
    const top: FanRecord[] = [];
    // the first 4 artists asked (on the demo, the largest first): the profiles count every artist's fans
    for (const artist of asked.slice(0, 4)) {
      byArtist.set(artist, await repository.fans(artist, window));
      top.push(...(await repository.topFans(artist, 10, window)));
    }
    windowed.push({ window, profiles: await repository.artistProfiles(window), fans: byArtist, top });
  }
  return {
    profiles,
    fans,
    top: await repository.everyTopFans(100),
    pages: await pagesOf(repository, settings, asked.slice(0, 4)),
    tiers,
    missing: await repository.artistProfile(-1),
    windowed,
  };
}

/**
 * The first 12 top fans of each artist, over the load and each window, read in pages of 5 (offsets 0, 5,
 * 10): the pages join up into the list of 12 read at once, and a page past the last fan is empty.
 */
async function pagesOf(
  repository: FanRepository,
  settings: Settings,
  artists: number[],
): Promise<FanRecord[]> {
  const pages: FanRecord[] = [];
  for (const window of [null, ...windowsOf(settings)]) {
    for (const artist of artists) {
      const where = `artist ${artist}, window ${window?.name ?? 'all'}`;
      const whole = await repository.topFans(artist, 12, window);
      const paged: FanRecord[] = [];
      for (const offset of [0, 5, 10]) {
        paged.push(...(await repository.topFans(artist, Math.min(5, 12 - offset), window, offset)));
      }
      assert.equal(paged, whole, `${where}: pages of 5 join up into the first 12`);
      assert.equal(await repository.topFans(artist, 5, window, 1_000_000), [], `${where}: past the end`);
      pages.push(...paged);
    }
  }
  return pages;
}

const FAN_FIELDS = [
  'artist_id',
  'user_id',
  'country',
  'age',
  'is_adult',
  'listening_ms',
  'streams',
  'active_days',
  'days_since_last_stream',
  'follows',
] as const;

function assertSameFans(actual: readonly RankedFan[], expected: readonly RankedFan[], label: string): void {
  assert.is(actual.length, expected.length, `${label}: number of fans`);
  expected.forEach((e, i) => {
    const a = actual[i] as RankedFan & Partial<FanRecord>;
    const ref = e as RankedFan & Partial<FanRecord>;
    for (const field of FAN_FIELDS) {
      if (field in ref) assert.is(a[field], ref[field], `${label}: fan #${i} (user ${ref.user_id}) ${field}`);
    }
    for (const field of ['score', 'share'] as const) {
      if (ref[field] === undefined) continue;
      assert.ok(
        Math.abs((a[field] as number) - (ref[field] as number)) < 1e-12,
        `${label}: user ${ref.user_id} ${field} ${a[field]} vs ${ref[field]}`,
      );
    }
  });
}

async function open(engine: Engine, dataset: Dataset) {
  const dir = join(FIXTURES, dataset.dir);
  const beside = join(dir, 'fanbase.json');
  const mapping = existsSync(beside) ? readMappingFile(beside) : {};
  const settings = resolveSettings(dataset.options);
  return { settings, repository: await engine.open(dir, mapping, settings) };
}

const Contract = suite('FanRepository contract');

for (const dataset of DATASETS) {
  const title = `${dataset.dir} ${JSON.stringify(dataset.options)}`;
  Contract(`every engine gives the same answers: ${title}`, async () => {
    const { repository: reference, settings: referenceSettings } = await open(DUCKDB, dataset);
    const expected = await answers(reference, referenceSettings);
    // a window of every day of the load answers what the load does (the windowed SQL is the load's)
    const everyDay = { name: 'every day', start: referenceSettings.windowStart, end: referenceSettings.asOf };
    assert.equal(await reference.artistProfiles(everyDay), expected.profiles, `${title}: every day is all`);
    for (const [artist, fans] of expected.fans) {
      assert.equal(
        await reference.fans(artist, everyDay),
        fans,
        `${title}: every day is all, artist ${artist}`,
      );
    }
    await reference.close();
    assert.ok(expected.profiles.length > 0, `${title}: the reference finds fans`);
    for (const engine of ENGINES) {
      const label = `${engine.name}, ${title}`;
      const { settings, repository } = await open(engine, dataset);
      try {
        await dataset.expect?.(repository, settings, label);
        const actual = await answers(repository, settings, [...expected.fans.keys()]);
        assert.equal(actual.profiles, expected.profiles, `${label}: artist profiles`);
        assert.equal(actual.missing, expected.missing, `${label}: an artist with no fan`);
        for (const [artist, fans] of expected.fans) {
          assertSameFans(actual.fans.get(artist) ?? [], fans, `${label}: fans of ${artist}`);
        }
        assertSameFans(actual.top, expected.top, `${label}: every top fan`);
        assertSameFans(actual.pages, expected.pages, `${label}: pages of top fans`);
        assert.equal(actual.tiers, expected.tiers, `${label}: engagement tiers`);
        for (const [i, want] of expected.windowed.entries()) {
          const got = actual.windowed[i] as Answers['windowed'][number];
          const where = `${label}, window ${want.window.name}`;
          assert.equal(got.profiles, want.profiles, `${where}: artist profiles`);
          for (const [artist, fans] of want.fans) {
            assertSameFans(got.fans.get(artist) ?? [], fans, `${where}: fans of ${artist}`);
          }
          assertSameFans(got.top, want.top, `${where}: top fans`);
        }
      } finally {
        await repository.close();
      }
    }
  });
}

Contract.run();
