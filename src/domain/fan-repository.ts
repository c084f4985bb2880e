import type { DataReport } from './data-report.js';
import type { ArtistProfile, FanRecord, ProfilePage } from './repository-rows.js';
import type { TierCounts } from './segments.js';
import type { TimeWindow } from './time-window.js';
import type { RankedFan } from './top-fans-index.js';
import type { TrendMonth } from './trend.js';

/**
 * The port: what the domain needs from wherever the fans are computed. Adapters answer from aggregates
 * prepared once per load; no call here scans the raw exports. A `window` (null or left out: the load's, as
 * it is) counts only its days' streams and the follows made by its end (`TimeWindow`).
 */
export interface FanRepository {
  /** The report of the load the repository answers from. */
  readonly report: DataReport;
  /** Aggregate view of an artist's fans; zero fans for an unknown artist. */
  artistProfile(artistId: number, window?: TimeWindow | null): Promise<ArtistProfile>;
  /**
   * The aggregate view of every artist with at least one fan, for answers from memory, by artist_id; with
   * `page`, only the first `limit` after artist `after` (so that every artist's profiles need not be held
   * at once).
   */
  artistProfiles(window?: TimeWindow | null, page?: ProfilePage): Promise<ArtistProfile[]>;
  /**
   * Up to `limit` adult fans of the artist, best score first, ties by `user_id` ascending, after the first
   * `offset` of them (default 0): a page of the ranking.
   */
  topFans(artistId: number, limit: number, window?: TimeWindow | null, offset?: number): Promise<FanRecord[]>;
  /** Up to `limit` adult fans of every artist, by artist, each artist's best score first (ties by user_id). */
  everyTopFans(limit: number): Promise<RankedFan[]>;
  /** The artist's fans by engagement tier (`engagementTierOf`); zeros for an artist with no fan. */
  artistSegments(artistId: number, window?: TimeWindow | null): Promise<TierCounts>;
  /**
   * The artist's fans month by month over the window (`TrendMonth`): the months with a fan active or new in
   * them, in order; none for an artist with no fan.
   */
  artistTrend(artistId: number, window?: TimeWindow | null): Promise<TrendMonth[]>;
  /** Every fan of the artist (minors and unknown ages included), best score first. */
  fans(artistId: number, window?: TimeWindow | null): Promise<FanRecord[]>;
  /** Releases the engine. Calls after it fail with code CLOSED. */
  close(): Promise<void>;
}
