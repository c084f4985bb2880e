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
  const builder = summaryIndexBuilder(minFansForDemographics);
  builder.add(profiles);
  return builder.index();
}

/**
 * A summary index built page by page: each page of profiles is summarized as it comes and can then be let
 * go, so that every artist's profiles (ages and countries) are never held at once, only their summaries.
 */
export function summaryIndexBuilder(minFansForDemographics = 0) {
  const summaries = new Map<number, ArtistSummary>();
  return {
    add(profiles: Iterable<ArtistProfile>): void {
      for (const profile of profiles) {
        summaries.set(profile.artist_id, summarize(profile, minFansForDemographics));
      }
    },
    index(): SummaryIndex {
      return {
        get: (artistId) =>
          summaries.get(artistId) ??
          summarize({ artist_id: artistId, total_fans: 0, age_counts: [], country_counts: [] }),
        has: (artistId) => summaries.has(artistId),
        artists: summaries.size,
      };
    },
  };
}
