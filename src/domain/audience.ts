import { medianOfCounts } from './median.js';
import { publishableProfile, withheldBuckets } from './privacy.js';
import type { ArtistProfile } from './repository-rows.js';
import { ENGAGEMENT_TIERS, type EngagementTier, type TierCounts } from './segments.js';
import type { AnswerWindow } from './time-window.js';
import type { ActivitySegment, AudienceActivity, TrendPoint } from './trend.js';

/**
 * The age groups of an audience, as Spotify for Artists shows them: whole years at `as_of`, each group
 * from its first age to its last (`60+` from 60 on); `unknown` holds the fans without a birth date.
 */
export const AGE_GROUPS = ['<18', '18-22', '23-27', '28-34', '35-44', '45-59', '60+', 'unknown'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];
/** The first age of each group but `unknown`, in the order of AGE_GROUPS. */
const FIRST_AGES = [0, 18, 23, 28, 35, 45, 60];

/** The group of an age in whole years; `unknown` for none. */
export function ageGroupOf(age: number | null): AgeGroup {
  if (age === null) return 'unknown';
  let group = 0;
  while (group + 1 < FIRST_AGES.length && age >= (FIRST_AGES[group + 1] as number)) group++;
  return AGE_GROUPS[group] as AgeGroup;
}

/** An artist's audience over a window: who its fans are, in aggregate, each figure past the privacy floor. */
export interface Audience {
  artist_id: number;
  as_of: string;
  window: AnswerWindow;
  total_fans: number;
  /** As in `POST /fanbase`: null when fewer than the floor's fans have a known age. */
  fans_median_age: number | null;
  /** Every group in the order of AGE_GROUPS; `fans` null when withheld. The groups shown and `withheld_fans` sum to `total_fans`. */
  age_groups: { group: AgeGroup; fans: number | null }[];
  /** The countries shown, most fans first (ties by code), `unknown` for the fans without a country; the withheld ones are not named. */
  countries: { country: string; fans: number }[];
  /** Engagement tiers (`engagementTierOf`), in the order of ENGAGEMENT_TIERS; `fans` null when withheld. */
  segments: { segment: EngagementTier; fans: number | null }[];
  /** Activity segments (`activityOf`): `new` and `active` sum to `total_fans`; `lapsed` were fans before, not in the window. */
  activity: { segment: ActivitySegment; fans: number | null }[];
  /** Month by month (`activityOf`): the window's fans active in the month, and new in it; null when withheld. */
  trend: TrendPoint[];
  privacy: {
    /** The floor (FANBASE_MIN_FANS_FOR_DEMOGRAPHICS); 0: off. */
    min_fans: number;
    /** The fans of the age groups withheld, together. */
    age_groups_withheld_fans: number;
    /** The fans of the countries withheld (named or unknown), together. */
    countries_withheld_fans: number;
    /** The fans of the segments withheld, together. */
    segments_withheld_fans: number;
    /** The fans of `new` and `active` withheld, together. */
    activity_withheld_fans: number;
    /** The new fans of the trend's months withheld, together. */
    trend_new_withheld_fans: number;
  };
}

/**
 * The audience of an artist from its aggregate profile, its fans by engagement tier and its activity and
 * trend (`activityOf`; `window` and `asOf` say which days they count): fans by age group, by country and by
 * tier, each breakdown summing to the total, each held to the k-anonymity floor `minFans` bucket by bucket
 * (`withheldBuckets`), the median age as in the summary.
 */
export function audienceOf(
  profile: ArtistProfile,
  tiers: TierCounts,
  activity: AudienceActivity,
  asOf: string,
  window: AnswerWindow,
  minFans = 0,
): Audience {
  const knownAges = profile.age_counts.reduce((sum, b) => sum + b.count, 0);
  const byGroup = new Map<AgeGroup, number>(AGE_GROUPS.map((g) => [g, 0]));
  for (const { value, count } of profile.age_counts) {
    const group = ageGroupOf(value);
    byGroup.set(group, (byGroup.get(group) ?? 0) + count);
  }
  byGroup.set('unknown', profile.total_fans - knownAges);
  const groups = AGE_GROUPS.map((group) => ({ key: group, fans: byGroup.get(group) ?? 0 }));
  const ages = withheldBuckets(groups, minFans);

  const knownCountries = profile.country_counts.reduce((sum, c) => sum + c.count, 0);
  const countryBuckets = [
    ...profile.country_counts.filter((c) => c.count > 0).map((c) => ({ key: c.country, fans: c.count })),
    { key: 'unknown', fans: profile.total_fans - knownCountries },
  ];
  const countries = withheldBuckets(countryBuckets, minFans);
  const tierBuckets = ENGAGEMENT_TIERS.map((tier) => ({ key: tier, fans: tiers[tier] }));
  const segments = withheldBuckets(tierBuckets, minFans);
  return {
    artist_id: profile.artist_id,
    as_of: asOf,
    window,
    total_fans: profile.total_fans,
    fans_median_age: medianOfCounts(publishableProfile(profile, minFans).age_counts),
    age_groups: groups.map(({ key, fans }) => ({ group: key, fans: ages.shown.has(key) ? fans : null })),
    countries: countryBuckets
      .filter((c) => countries.shown.has(c.key) && c.fans > 0)
      .sort((a, b) => b.fans - a.fans || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map(({ key, fans }) => ({ country: key, fans })),
    segments: tierBuckets.map(({ key, fans }) => ({
      segment: key,
      fans: segments.shown.has(key) ? fans : null,
    })),
    activity: activity.activity,
    trend: activity.trend,
    privacy: {
      min_fans: minFans,
      age_groups_withheld_fans: ages.withheldFans,
      countries_withheld_fans: countries.withheldFans,
      segments_withheld_fans: segments.withheldFans,
      activity_withheld_fans: activity.activityWithheldFans,
      trend_new_withheld_fans: activity.trendNewWithheldFans,
    },
  };
}
