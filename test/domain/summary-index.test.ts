import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createSummaryIndex } from '../../src/domain/summary-index.js';

const Index = suite('createSummaryIndex');

Index('answers known artists from their profiles and unknown ones with zeros', () => {
  const index = createSummaryIndex([
    {
      artist_id: 123,
      total_fans: 3,
      age_counts: [{ value: 20, count: 3 }],
      country_counts: [{ country: 'FR', count: 2 }],
    },
  ]);
  assert.is(index.artists, 1);
  assert.equal(index.get(123), {
    success: true,
    artist_id: 123,
    total_fans: 3,
    fans_median_age: 20,
    fans_top_countries: ['FR'],
  });
  assert.ok(index.has(123));
  assert.equal(index.get(9), {
    success: false,
    artist_id: 9,
    total_fans: 0,
    fans_median_age: null,
    fans_top_countries: [],
  });
  assert.not.ok(index.has(9));
});

Index.run();
