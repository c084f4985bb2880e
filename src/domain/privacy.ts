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

/** A bucket of a breakdown of fans (an age group, a country): its key and how many fans it holds. */
export interface Bucket<Key extends string = string> {
  key: Key;
  fans: number;
}

/**
 * The k-anonymity floor over a breakdown whose total is published: which buckets to show. A bucket with
 * fewer than `k` fans is withheld, an empty one too (so that an empty bucket and a small one look alike);
 * then, while the withheld buckets hold between 1 and k - 1 fans in all (a figure anyone can work out as the
 * total less the buckets shown), the smallest bucket shown is withheld too (the last in order on a tie),
 * until they hold at least k or none is shown. So no figure, shown or derived, rests on 1 to k - 1 people.
 * `k` 0 or 1 shows every bucket. Returns the keys shown and the fans the withheld buckets hold together.
 */
export function withheldBuckets<Key extends string>(
  buckets: readonly Bucket<Key>[],
  k: number,
): { shown: Set<Key>; withheldFans: number } {
  if (k <= 1) return { shown: new Set(buckets.map((b) => b.key)), withheldFans: 0 };
  const shown = buckets.filter((b) => b.fans >= k);
  let withheldFans = buckets.filter((b) => b.fans < k).reduce((sum, b) => sum + b.fans, 0);
  while (withheldFans > 0 && withheldFans < k && shown.length > 0) {
    const smallest = shown.reduce((low, b) => (b.fans <= low.fans ? b : low));
    shown.splice(shown.indexOf(smallest), 1);
    withheldFans += smallest.fans;
  }
  return { shown: new Set(shown.map((b) => b.key)), withheldFans };
}
