import type { ArtistSummary } from './answers.js';
import { medianOfCounts } from './median.js';
import { publishableProfile } from './privacy.js';
import type { ArtistProfile } from './repository-rows.js';
import { topCountries } from './top-countries.js';

/**
 * The five Fanbase fields from an artist's aggregate profile, each figure about people resting on at least
 * `minFansForDemographics` of them (`publishableProfile`; 0, the default, is off).
 */
export function summarize(artist: ArtistProfile, minFansForDemographics = 0): ArtistSummary {
  const profile = publishableProfile(artist, minFansForDemographics);
  return {
    success: profile.total_fans >= 1,
    artist_id: profile.artist_id,
    total_fans: profile.total_fans,
    fans_median_age: medianOfCounts(profile.age_counts),
    fans_top_countries: topCountries(profile.country_counts, 3),
  };
}
