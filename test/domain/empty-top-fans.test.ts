import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { DataReport } from '../../src/domain/data-report.js';
import { whyNoTopFans } from '../../src/domain/empty-top-fans.js';

const report = (missing: string[] = []) =>
  ({ as_of: '2026-06-15', sources: [{ table: 'users', missing_columns: missing }] }) as unknown as DataReport;
const summary = (total: number) => ({
  success: total > 0,
  artist_id: 7,
  total_fans: total,
  fans_median_age: null,
  fans_top_countries: [],
});

const Why = suite('whyNoTopFans');

Why('no fans, no birth dates, or no known adult', () => {
  assert.match(whyNoTopFans(summary(0), report()), /^artist 7 has no fans as of 2026-06-15/);
  assert.match(whyNoTopFans(summary(0), report(['birth_date'])), /has no fans/);
  assert.match(whyNoTopFans(summary(3), report(['birth_date'])), /the data has no birth dates/);
  assert.is(
    whyNoTopFans(summary(3), report()),
    'artist 7: none of its 3 fans is known to be an adult; minors and fans without a birth date are never shown',
  );
  assert.match(whyNoTopFans(summary(1), report()), /^artist 7: its only fan is not known to be an adult/);
});

Why.run();
