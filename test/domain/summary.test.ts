import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { summarize } from '../../src/domain/summary.js';

const Summarize = suite('summarize');

Summarize('gives the five fields from a profile', () => {
  assert.equal(
    summarize({
      artist_id: 200,
      total_fans: 4,
      age_counts: [
        { value: 18, count: 1 },
        { value: 25, count: 1 },
        { value: 36, count: 1 },
        { value: 41, count: 1 },
      ],
      country_counts: [{ country: 'FR', count: 3 }],
    }),
    { success: true, artist_id: 200, total_fans: 4, fans_median_age: 31, fans_top_countries: ['FR'] },
  );
});

Summarize('an artist with no fan is no success', () => {
  assert.equal(summarize({ artist_id: 9, total_fans: 0, age_counts: [], country_counts: [] }), {
    success: false,
    artist_id: 9,
    total_fans: 0,
    fans_median_age: null,
    fans_top_countries: [],
  });
});

Summarize('fans without a known age still count as fans', () => {
  const s = summarize({ artist_id: 1, total_fans: 3, age_counts: [], country_counts: [] });
  assert.is(s.success, true);
  assert.is(s.total_fans, 3);
  assert.is(s.fans_median_age, null);
});

Summarize.run();
