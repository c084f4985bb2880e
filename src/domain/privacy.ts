import { describeValue } from './describe-value.js';
import { invalidOptions } from './errors.js';
import type { ArtistProfile } from './repository-rows.js';

/**
 * The k-anonymity floor (`minFansForDemographics`, FANBASE_MIN_FANS_FOR_DEMOGRAPHICS): every published
 * figure that describes people rests on at least `k` people who have the value it describes. Applied to
 * the aggregates before any figure is computed from them:
 * - the median age is computed only when at least `k` fans have a known age (else null);
 * - a country is shown only when at least `k` fans are known to live there (else left out of the ranking);
 * - the fan count itself is shown whatever its size (it is the artist's, and names no one's attributes).
 * So, with k = 10, an artist with 12 fans of whom one has a birth date and a country shows neither that
 * age nor that country. 0 or 1 changes nothing (the default, which keeps the specification's output).
 */
export function publishableProfile(profile: ArtistProfile, k: number): ArtistProfile {
  if (k <= 1) return profile;
  const knownAges = profile.age_counts.reduce((sum, bucket) => sum + bucket.count, 0);
  return {
    ...profile,
    age_counts: knownAges >= k ? profile.age_counts : [],
    country_counts: profile.country_counts.filter((bucket) => bucket.count >= k),
  };
}

/** Checks a minimum fan count option (a whole number >= 0) and returns it. */
export function parseMinFans(value: unknown, field: string): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  throw invalidOptions(`${field} must be a whole number of fans >= 0 (0: off), got ${describeValue(value)}`, {
    field,
  });
}
