import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseMinFans, publishableProfile, withheldBuckets } from '../../src/domain/privacy.js';
import type { ArtistProfile } from '../../src/domain/repository-rows.js';
import { expectFanbaseError } from '../support/expect-error.js';

const Floor = suite('publishableProfile');

// 12 fans, of whom one has a known age (30) and a known country (FR)
const oneKnown: ArtistProfile = {
  artist_id: 7,
  total_fans: 12,
  age_counts: [{ value: 30, count: 1 }],
  country_counts: [{ country: 'FR', count: 1 }],
};

Floor('the floor counts the people who have the value, not the fans', () => {
  // 12 fans >= 10, but 1 known age and 1 fan in FR: neither may be published
  assert.equal(publishableProfile(oneKnown, 10), {
    artist_id: 7,
    total_fans: 12,
    age_counts: [],
    country_counts: [],
  });
});

Floor('ages: all of them once k fans have a known age; countries: each on its own count', () => {
  const profile: ArtistProfile = {
    artist_id: 8,
    total_fans: 20,
    // 3 + 4 + 3 = 10 known ages
    age_counts: [
      { value: 20, count: 3 },
      { value: 30, count: 4 },
      { value: 40, count: 3 },
    ],
    country_counts: [
      { country: 'FR', count: 10 },
      { country: 'TN', count: 9 },
      { country: 'US', count: 1 },
    ],
  };
  const floored = publishableProfile(profile, 10);
  // each age bucket stays: the median is one figure, resting on the 10 known ages
  assert.equal(floored.age_counts, profile.age_counts);
  // FR (10) is at the floor; TN (9) and US (1) are under it
  assert.equal(floored.country_counts, [{ country: 'FR', count: 10 }]);
  assert.equal(publishableProfile(profile, 11).age_counts, []);
});

Floor('0 and 1 change nothing; the fan count is never withheld', () => {
  assert.equal(publishableProfile(oneKnown, 0), oneKnown);
  assert.equal(publishableProfile(oneKnown, 1), oneKnown);
  assert.is(publishableProfile(oneKnown, 1000).total_fans, 12);
});

Floor.run();

const Option = suite('parseMinFans');

Option('the option is a whole number of fans >= 0', async () => {
  assert.is(parseMinFans(0, 'x'), 0);
  assert.is(parseMinFans(10, 'x'), 10);
  for (const bad of [-1, 1.5, '10', null, Number.NaN]) {
    await expectFanbaseError(
      () => parseMinFans(bad, 'minFansForDemographics'),
      'INVALID_OPTIONS',
      /minFansForDemographics must be a whole number of fans >= 0/,
    );
  }
});

Option.run();

const Withheld = suite('withheldBuckets');

Withheld(
  'under k withheld, an empty bucket too; a remainder under k takes the smallest shown with it',
  () => {
    const buckets = [
      { key: 'a', fans: 10 },
      { key: 'b', fans: 5 },
      { key: 'c', fans: 0 },
      { key: 'd', fans: 1 },
    ];
    // k 3: d (1) and c (0) withheld, 1 fan < 3: b, the smallest shown, joins them (6 fans)
    const k3 = withheldBuckets(buckets, 3);
    assert.equal([[...k3.shown], k3.withheldFans], [['a'], 6]);
    // k 1 (or 0): everything shown, the empty bucket too
    assert.equal([...withheldBuckets(buckets, 1).shown], ['a', 'b', 'c', 'd']);
    // a remainder of 0 (only empty buckets withheld) names no one: nothing more is withheld
    const k2 = withheldBuckets(
      [
        { key: 'a', fans: 4 },
        { key: 'b', fans: 0 },
      ],
      2,
    );
    assert.equal([[...k2.shown], k2.withheldFans], [['a'], 0]);
    // every bucket under k: all withheld, their sum the total
    const all = withheldBuckets(
      [
        { key: 'a', fans: 1 },
        { key: 'b', fans: 2 },
      ],
      5,
    );
    assert.equal([[...all.shown], all.withheldFans], [[], 3]);
    // a tie for the smallest shown: the last in order goes
    const tie = withheldBuckets(
      [
        { key: 'a', fans: 3 },
        { key: 'b', fans: 3 },
        { key: 'c', fans: 1 },
      ],
      3,
    );
    assert.equal([[...tie.shown], tie.withheldFans], [['a'], 4]);
  },
);

Withheld.run();
