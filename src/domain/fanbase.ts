import type { ArtistSummary, ExplainedTopFan, TopFan, TopFanList } from './answers.js';
import { type Audience, audienceOf } from './audience.js';
import type { DataReport } from './data-report.js';
import type { FanRepository } from './fan-repository.js';
import { isAdult } from './policy.js';
import { parseMinFans } from './privacy.js';
import { parseCount, parseId, parseOffset } from './question-inputs.js';
import type { ArtistProfile, FanRecord } from './repository-rows.js';
import { scoreComponents } from './score.js';
import type { Settings } from './settings.js';
import { summarize } from './summary.js';
import { type SummaryIndex, summaryIndexBuilder } from './summary-index.js';
import { describeWindow, resolveWindow, type TimeWindow, type WindowName } from './time-window.js';
import { createTopFansIndex, type TopFansIndex } from './top-fans-index.js';
import { activityOf } from './trend.js';
import { whyNoTopFans } from './why-no-top-fans.js';

/**
 * Artists whose profiles `summaryIndex` reads at a time: each page is summarized and let go (at a billion
 * streams, 500,000 artists' ages and countries read at once outgrew Node's default heap of 4 GB).
 */
const PROFILES_PER_PAGE = 20_000;

/** One loaded dataset of fans and the questions it answers: what `openFanbase` returns to tools and notebooks. */
export interface FanDataset {
  /** The settings the answers are computed with (`asOf`, fan definition, score). */
  readonly settings: Settings;
  /** What was loaded and what was wrong with it. */
  readonly report: DataReport;
  /** The five Fanbase fields for an artist, over `options.window` (default `all`). */
  summary(artistId: number, options?: QuestionOptions): Promise<ArtistSummary>;
  /**
   * The artist's audience over `options.window`: fans by age group, by country, by engagement tier and by
   * activity, and month by month (`activityOf`), each figure held to the k-anonymity floor bucket by
   * bucket (`audienceOf`).
   */
  audience(artistId: number, options?: QuestionOptions): Promise<Audience>;
  /** Every artist's summary over `options.window`, computed once: what the web API answers from. */
  summaryIndex(options?: QuestionOptions): Promise<SummaryIndex>;
  /**
   * The artist's `n` top fans over `options.window`: consenting adults, best score first, ranked 1..n.
   * None: an empty list whose `reason` says why.
   */
  topFans(artistId: number, n: number, options?: TopFansOptions): Promise<TopFanList>;
  /**
   * Every artist's top fans up to `depth` (default 100), read once and held in memory: for many calls in
   * one process (a notebook ranking every artist), each then answered in microseconds without a query.
   */
  topFansIndex(depth?: number): Promise<TopFansIndex>;
  /** The same, with each fan's score components and signals. */
  explainTopFans(artistId: number, n: number, options?: TopFansOptions): Promise<TopFanList<ExplainedTopFan>>;
  /** Releases the engine. */
  close(): Promise<void>;
}

/** What a question can say besides the artist. */
export interface QuestionOptions {
  /**
   * Which days' streams count: `all` (the default, the load's), `7d`, `28d`, `12m` (each ending on `as_of`)
   * or `YYYY-MM-DD..YYYY-MM-DD`, both days included, ending at the latest on `as_of`. The follows made by
   * the window's end count; ages are those at `as_of`; recency counts from the window's end.
   */
  window?: WindowName;
}

/** What a top-fans question can say besides the artist and the count. */
export interface TopFansOptions extends QuestionOptions {
  /**
   * How many of the best fans to pass over first (default 0): the `n` fans ranked `offset + 1` to
   * `offset + n`, their ranks those of the whole ranking, so that pages of it join up.
   */
  offset?: number;
}

/** How answers are shown, whatever the data: applied to every summary, from a snapshot too. */
export interface PrivacyOptions {
  /**
   * k-anonymity: each figure about people rests on at least this many of them (`publishableProfile`): the
   * median age on that many known ages, each country shown on that many fans; 0 (default) is off.
   */
  minFansForDemographics?: number;
}

/** Builds the questions of one dataset over a repository. Inputs are checked here, whatever the adapter. */
export function createFanbase(
  repository: FanRepository,
  settings: Settings,
  privacy: PrivacyOptions = {},
): FanDataset {
  const minFans = parseMinFans(privacy.minFansForDemographics ?? 0, 'minFansForDemographics');
  const windowOf = (options: QuestionOptions | undefined) => resolveWindow(options?.window, settings);
  async function rankedAdults(
    artistId: unknown,
    n: unknown,
    window: TimeWindow | null,
    offset: number,
  ): Promise<FanRecord[]> {
    const id = parseId(artistId, 'artist_id');
    const limit = parseCount(n, 'nb_fans');
    const fans = await repository.topFans(id, limit, window, offset);
    // Defence in depth: the repository already keeps adults only; the law is checked once more here.
    return fans.filter((fan) => fan.is_adult && isAdult(fan.age, fan.country, settings.majority));
  }
  /** The list as it is, or, empty from the first fan on, with the reason no one is shown. */
  async function withReason<Fan extends TopFan>(
    artistId: number,
    fans: Fan[],
    window: TimeWindow | null,
    offset: number,
  ): Promise<TopFanList<Fan>> {
    if (fans.length > 0 || offset > 0) return fans;
    const summary = summarize(await repository.artistProfile(artistId, window));
    return Object.assign(fans, { reason: whyNoTopFans(summary, repository.report, settings, window) });
  }
  /**
   * The artist's fans over every day the load holds up to `window`'s end, of which those not fans in the
   * window are lapsed: undefined over `all` (the window's own fans); the load's fans for a window ending on
   * `as_of`; else those of the days up to its end.
   */
  async function fansUpTo(id: number, window: TimeWindow | null): Promise<number | undefined> {
    if (window === null) return undefined;
    const upTo =
      window.end === settings.asOf
        ? null
        : { name: `..${window.end}`, start: settings.windowStart, end: window.end };
    // the tiers sum to the fans, and a snapshot keeps them per artist: fewer rows than the profile's
    const tiers = await repository.artistSegments(id, upTo);
    return tiers.super + tiers.moderate + tiers.light;
  }
  const offsetOf = (options: TopFansOptions | undefined) => parseOffset(options?.offset ?? 0, 'offset');
  const line =
    (offset: number) =>
    (fan: FanRecord, index: number): TopFan => ({
      rank: offset + index + 1,
      artist_id: fan.artist_id,
      user_id: fan.user_id,
      country: fan.country,
      score: fan.score,
    });

  return {
    settings,
    get report() {
      return repository.report;
    },
    async summary(artistId, options) {
      const id = parseId(artistId, 'artist_id');
      const profile = await repository.artistProfile(id, windowOf(options));
      return summarize(profile, minFans);
    },
    async audience(artistId, options) {
      const id = parseId(artistId, 'artist_id');
      const window = describeWindow(options?.window, settings);
      const resolved = windowOf(options);
      const [profile, tiers, months, fansThroughEnd] = await Promise.all([
        repository.artistProfile(id, resolved),
        repository.artistSegments(id, resolved),
        repository.artistTrend(id, resolved),
        fansUpTo(id, resolved),
      ]);
      const activity = activityOf(
        months,
        window,
        profile.total_fans,
        fansThroughEnd ?? profile.total_fans,
        minFans,
      );
      return audienceOf(profile, tiers, activity, settings.asOf, window, minFans);
    },
    async summaryIndex(options) {
      const window = windowOf(options);
      const builder = summaryIndexBuilder(minFans);
      // page by page: at a billion streams every artist's profiles at once outgrow the JavaScript heap
      for (let after = -1; ; ) {
        const page = await repository.artistProfiles(window, { after, limit: PROFILES_PER_PAGE });
        builder.add(page);
        if (page.length < PROFILES_PER_PAGE) return builder.index();
        after = (page.at(-1) as ArtistProfile).artist_id;
      }
    },
    async topFans(artistId, n, options) {
      const window = windowOf(options);
      const offset = offsetOf(options);
      const fans = (await rankedAdults(artistId, n, window, offset)).map(line(offset));
      return withReason(artistId, fans, window, offset);
    },
    async topFansIndex(depth = 100) {
      const limit = parseCount(depth, 'depth');
      return createTopFansIndex(await repository.everyTopFans(limit), limit, settings.majority);
    },
    async explainTopFans(artistId, n, options) {
      const window = windowOf(options);
      const offset = offsetOf(options);
      const ranked = line(offset);
      const fans = (await rankedAdults(artistId, n, window, offset)).map((fan, index) => {
        const { listening_ms, streams, active_days, days_since_last_stream, share, follows } = fan;
        const signals = { listening_ms, streams, active_days, days_since_last_stream, share, follows };
        return { ...ranked(fan, index), components: scoreComponents(signals, settings.score), signals };
      });
      return withReason(artistId, fans, window, offset);
    },
    close: () => repository.close(),
  };
}

/** The former name of `FanDataset`, kept for code written against it. @deprecated use `FanDataset` */
export type Fanbase = FanDataset;
