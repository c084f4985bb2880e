import type { ArtistSummary } from './answers.js';
import type { ArtistProfile } from './repository-rows.js';
import { summarize } from './summary.js';

/** Every artist's summary, computed once, for answers from memory. */
export interface SummaryIndex {
  /** The summary of an artist; an artist without fans gets zeros and `success: false`. */
  get(artistId: number): ArtistSummary;
  /** Whether the artist has at least one fan. */
  has(artistId: number): boolean;
  /** Number of artists with at least one fan. */
  readonly artists: number;
}

/** Summarizes every profile once, with the k-anonymity floor `minFansForDemographics` (`publishableProfile`). */
export function createSummaryIndex(
  profiles: Iterable<ArtistProfile>,
  minFansForDemographics = 0,
): SummaryIndex {
  const summaries = new Map<number, ArtistSummary>();
  for (const profile of profiles) {
    summaries.set(profile.artist_id, summarize(profile, minFansForDemographics));
  }
  return {
    get: (artistId) =>
      summaries.get(artistId) ??
      summarize({ artist_id: artistId, total_fans: 0, age_counts: [], country_counts: [] }),
    has: (artistId) => summaries.has(artistId),
    artists: summaries.size,
  };
}
