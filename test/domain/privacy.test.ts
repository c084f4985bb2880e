import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseMinFans, withholdSmallDemographics } from '../../src/domain/privacy.js';
import { expectFanbaseError } from '../support/expect-error.js';

const Privacy = suite('withholdSmallDemographics');
const summary = (total_fans: number) => ({
  success: total_fans > 0,
  artist_id: 7,
  total_fans,
  fans_median_age: 30,
  fans_top_countries: ['FR', 'TN'],
});

Privacy('below the floor the median age and countries are withheld; the count stays', () => {
  assert.equal(withholdSmallDemographics(summary(2), 3), {
    success: true,
    artist_id: 7,
    total_fans: 2,
    fans_median_age: null,
    fans_top_countries: [],
  });
  // at the floor and above, and with the floor off (0), nothing changes
  assert.equal(withholdSmallDemographics(summary(3), 3), summary(3));
  assert.equal(withholdSmallDemographics(summary(1), 0), summary(1));
  assert.equal(withholdSmallDemographics(summary(0), 3), summary(0));
});

Privacy('the option is a whole number of fans >= 0', async () => {
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

Privacy.run();
