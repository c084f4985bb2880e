import type { ArtistSummary, ExplainedTopFan, TopFan, TopFanList } from './answers.js';
import type { DataReport } from './data-report.js';
import type { FanRepository } from './fan-repository.js';
import { isAdult } from './policy.js';
import { parseMinFans } from './privacy.js';
import { parseCount, parseId } from './question-inputs.js';
import type { FanRecord } from './repository-rows.js';
import { scoreComponents } from './score.js';
import type { Settings } from './settings.js';
import { summarize } from './summary.js';
import { createSummaryIndex, type SummaryIndex } from './summary-index.js';
import { createTopFansIndex, type TopFansIndex } from './top-fans-index.js';
import { whyNoTopFans } from './why-no-top-fans.js';

/** One loaded dataset of fans and the questions it answers: what `openFanbase` returns to tools and notebooks. */
export interface FanDataset {
  /** The settings the answers are computed with (`asOf`, fan definition, score). */
  readonly settings: Settings;
  /** What was loaded and what was wrong with it. */
  readonly report: DataReport;
  /** The five Fanbase fields for an artist. */
  summary(artistId: number): Promise<ArtistSummary>;
  /** Every artist's summary, computed once: what the web API answers from. */
  summaryIndex(): Promise<SummaryIndex>;
  /**
   * The artist's `n` top fans: consenting adults, best score first, ranked 1..n. None: an empty list whose
   * `reason` says why.
   */
  topFans(artistId: number, n: number): Promise<TopFanList>;
  /**
   * Every artist's top fans up to `depth` (default 100), read once and held in memory: for many calls in
   * one process (a notebook ranking every artist), each then answered in microseconds without a query.
   */
  topFansIndex(depth?: number): Promise<TopFansIndex>;
  /** The same, with each fan's score components and signals. */
  explainTopFans(artistId: number, n: number): Promise<TopFanList<ExplainedTopFan>>;
  /** Releases the engine. */
  close(): Promise<void>;
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
  async function rankedAdults(artistId: unknown, n: unknown): Promise<FanRecord[]> {
    const id = parseId(artistId, 'artist_id');
    const limit = parseCount(n, 'nb_fans');
    const fans = await repository.topFans(id, limit);
    // Defence in depth: the repository already keeps adults only; the law is checked once more here.
    return fans.filter((fan) => fan.is_adult && isAdult(fan.age, fan.country, settings.majority));
  }
  /** The list as it is, or, empty, with the reason no one is shown. */
  async function withReason<Fan extends TopFan>(artistId: number, fans: Fan[]): Promise<TopFanList<Fan>> {
    if (fans.length > 0) return fans;
    const summary = summarize(await repository.artistProfile(artistId));
    return Object.assign(fans, { reason: whyNoTopFans(summary, repository.report, settings) });
  }
  const line = (fan: FanRecord, index: number): TopFan => ({
    rank: index + 1,
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
    async summary(artistId) {
      const profile = await repository.artistProfile(parseId(artistId, 'artist_id'));
      return summarize(profile, minFans);
    },
    async summaryIndex() {
      return createSummaryIndex(await repository.artistProfiles(), minFans);
    },
    async topFans(artistId, n) {
      const fans = (await rankedAdults(artistId, n)).map(line);
      return withReason(artistId, fans);
    },
    async topFansIndex(depth = 100) {
      const limit = parseCount(depth, 'depth');
      return createTopFansIndex(await repository.everyTopFans(limit), limit, settings.majority);
    },
    async explainTopFans(artistId, n) {
      const fans = (await rankedAdults(artistId, n)).map((fan, index) => {
        const { listening_ms, streams, active_days, days_since_last_stream, share, follows } = fan;
        const signals = { listening_ms, streams, active_days, days_since_last_stream, share, follows };
        return { ...line(fan, index), components: scoreComponents(signals, settings.score), signals };
      });
      return withReason(artistId, fans);
    },
    close: () => repository.close(),
  };
}

/** The former name of `FanDataset`, kept for code written against it. @deprecated use `FanDataset` */
export type Fanbase = FanDataset;
