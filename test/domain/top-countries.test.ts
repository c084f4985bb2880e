import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { topCountries } from '../../src/domain/top-countries.js';

const Top = suite('topCountries');

Top('most fans first, ties by code, three at most', () => {
  const counts = [
    { country: 'US', count: 1 },
    { country: 'TN', count: 2 },
    { country: 'KR', count: 1 },
    { country: 'FR', count: 4 },
    { country: 'DE', count: 1 },
  ];
  assert.equal(topCountries(counts), ['FR', 'TN', 'DE']);
  assert.equal(topCountries(counts, 5), ['FR', 'TN', 'DE', 'KR', 'US']);
});

Top('fewer than three countries, or none', () => {
  assert.equal(topCountries([{ country: 'TN', count: 2 }]), ['TN']);
  assert.equal(topCountries([]), []);
  assert.equal(topCountries([{ country: 'TN', count: 0 }]), []);
});

Top('does not reorder its input', () => {
  const counts = [
    { country: 'B', count: 1 },
    { country: 'A', count: 2 },
  ];
  topCountries(counts);
  assert.is(counts[0]?.country, 'B');
});

Top.run();
