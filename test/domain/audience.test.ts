import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { TREND_123 } from '../../fixtures/edge-cases/expected.js';
import { AGE_GROUPS, ageGroupOf, audienceOf } from '../../src/domain/audience.js';
import type { ArtistProfile } from '../../src/domain/repository-rows.js';
import { activityOf } from '../../src/domain/trend.js';

const Audience = suite('audienceOf');
const ALL = { name: 'all', since: null, until: '2026-06-15' };

/**
 * The fans of artist 123 in fixtures/edge-cases (its expected.ts works them out): 10 fans; ages 14, 17,
 * 18, 18, 25, 26, 26, 36, 41 and one unknown (user 4); FR 4, TN 2, DE 1, KR 1, US 1 and one unknown (user 5).
 */
const ARTIST_123: ArtistProfile = {
  artist_id: 123,
  total_fans: 10,
  age_counts: [
    { value: 14, count: 1 },
    { value: 17, count: 1 },
    { value: 18, count: 2 },
    { value: 25, count: 1 },
    { value: 26, count: 2 },
    { value: 36, count: 1 },
    { value: 41, count: 1 },
  ],
  country_counts: [
    { country: 'FR', count: 4 },
    { country: 'TN', count: 2 },
    { country: 'DE', count: 1 },
    { country: 'KR', count: 1 },
    { country: 'US', count: 1 },
  ],
};

/**
 * Its fans by engagement tier: user 1 streams on 3 days (3 streams: not 25 on 8 days, so moderate); every
 * other fan streams on one day (2, 3, 4, 5, 6, 9, 10, 12) or only follows (11): light. No super fan.
 */
const TIERS_123 = { super: 0, moderate: 1, light: 9 };

/** Its activity over `all` (TREND_123 works it out): every one of its 10 fans is new, none lapsed. */
const ACTIVITY_123 = (k = 0) => activityOf(TREND_123, ALL, 10, 10, k);

Audience('age groups: the groups of Spotify for Artists, at their bounds', () => {
  assert.equal(AGE_GROUPS, ['<18', '18-22', '23-27', '28-34', '35-44', '45-59', '60+', 'unknown']);
  const at = [0, 17, 18, 22, 23, 27, 28, 34, 35, 44, 45, 59, 60, 129].map(ageGroupOf);
  assert.equal(at, [
    '<18',
    '<18',
    '18-22',
    '18-22',
    '23-27',
    '23-27',
    '28-34',
    '28-34',
    '35-44',
    '35-44',
    '45-59',
    '45-59',
    '60+',
    '60+',
  ]);
  assert.is(ageGroupOf(null), 'unknown');
});

Audience('without a floor, every group and every country, each breakdown summing to the total', () => {
  const audience = audienceOf(ARTIST_123, TIERS_123, ACTIVITY_123(), '2026-06-15', ALL);
  // <18: 14 and 17; 18-22: 18 and 18; 23-27: 25, 26, 26; 35-44: 36 and 41; unknown: user 4
  assert.equal(audience.age_groups, [
    { group: '<18', fans: 2 },
    { group: '18-22', fans: 2 },
    { group: '23-27', fans: 3 },
    { group: '28-34', fans: 0 },
    { group: '35-44', fans: 2 },
    { group: '45-59', fans: 0 },
    { group: '60+', fans: 0 },
    { group: 'unknown', fans: 1 },
  ]);
  // most first, ties by code (DE, KR, US; "unknown" sorts after the upper-case codes)
  assert.equal(audience.countries, [
    { country: 'FR', fans: 4 },
    { country: 'TN', fans: 2 },
    { country: 'DE', fans: 1 },
    { country: 'KR', fans: 1 },
    { country: 'US', fans: 1 },
    { country: 'unknown', fans: 1 },
  ]);
  assert.equal([audience.total_fans, audience.fans_median_age], [10, 25]);
  assert.equal(audience.segments, [
    { segment: 'super', fans: 0 },
    { segment: 'moderate', fans: 1 },
    { segment: 'light', fans: 9 },
  ]);
  assert.equal(audience.privacy, {
    min_fans: 0,
    age_groups_withheld_fans: 0,
    countries_withheld_fans: 0,
    segments_withheld_fans: 0,
    activity_withheld_fans: 0,
    trend_new_withheld_fans: 0,
  });
  assert.equal([audience.artist_id, audience.as_of, audience.window], [123, '2026-06-15', ALL]);
});

Audience('with a floor of 3: buckets under it withheld, the rest summing with them to the total', () => {
  const audience = audienceOf(ARTIST_123, TIERS_123, ACTIVITY_123(3), '2026-06-15', ALL, 3);
  // 23-27 (3) alone reaches 3; the other groups hold 2 + 2 + 0 + 2 + 0 + 0 + 1 = 7 >= 3: withheld together
  assert.equal(
    audience.age_groups.map((g) => g.fans),
    [null, null, 3, null, null, null, null, null],
  );
  // FR (4) alone reaches 3; TN 2, DE 1, KR 1, US 1 and the unknown 1 make 6 >= 3, none of them named
  assert.equal(audience.countries, [{ country: 'FR', fans: 4 }]);
  // tiers: super 0 and moderate 1 under 3, 1 fan withheld: light (9), the smallest shown, joins them
  assert.equal(
    audience.segments.map((s) => s.fans),
    [null, null, null],
  );
  assert.equal(audience.privacy, {
    min_fans: 3,
    age_groups_withheld_fans: 7,
    countries_withheld_fans: 6,
    segments_withheld_fans: 10,
    // active 0 under 3 with nothing in it: new (10) stays shown; the months' new fans: January, April and
    // May 1 each, under 3 (3 in all), June 7 shown; February and March empty
    activity_withheld_fans: 0,
    trend_new_withheld_fans: 3,
  });
  // 9 known ages >= 3: the median is shown, as in the summary
  assert.is(audience.fans_median_age, 25);
});

Audience('a withheld remainder under the floor takes the smallest bucket shown with it', () => {
  // artist 200 of the edge cases: users 1 (36, FR), 2 (18, FR), 5 (41, no country), 11 (25, FR)
  const artist200: ArtistProfile = {
    artist_id: 200,
    total_fans: 4,
    age_counts: [
      { value: 18, count: 1 },
      { value: 25, count: 1 },
      { value: 36, count: 1 },
      { value: 41, count: 1 },
    ],
    country_counts: [{ country: 'FR', count: 3 }],
  };
  // tiers of 200: users 1, 2, 5, 11 each on one day (light, 4)
  const audience = audienceOf(
    artist200,
    { super: 0, moderate: 0, light: 4 },
    activityOf([{ month: '2026-06', active_fans: 4, new_fans: 4 }], ALL, 4, 4, 3),
    '2026-06-15',
    ALL,
    3,
  );
  // FR (3) passes the floor, but the unknown country alone (1) would be the total less FR: FR is withheld
  // with it, 4 fans in all
  assert.equal(audience.countries, []);
  assert.is(audience.privacy.countries_withheld_fans, 4);
  // every group under 3 (18-22: 1, 23-27: 1, 35-44: 2): all withheld, 4 in all
  assert.ok(audience.age_groups.every((g) => g.fans === null));
  assert.is(audience.privacy.age_groups_withheld_fans, 4);
});

Audience.run();
