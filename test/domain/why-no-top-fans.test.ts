import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { DataReport } from '../../src/domain/data-report.js';
import { resolveSettings } from '../../src/domain/settings.js';
import { whyNoTopFans } from '../../src/domain/why-no-top-fans.js';

const report = (missing: string[] = []) =>
  ({ as_of: '2026-06-15', sources: [{ table: 'users', missing_columns: missing }] }) as unknown as DataReport;
const summary = (total: number) => ({
  success: total > 0,
  artist_id: 7,
  total_fans: total,
  fans_median_age: null,
  fans_top_countries: [],
});
const defaults = resolveSettings({ asOf: '2026-06-15' });

const Why = suite('whyNoTopFans');

Why('no fans, no birth dates, or no known adult', () => {
  assert.is(
    whyNoTopFans(summary(0), report(), defaults),
    'artist 7 has no fans as of 2026-06-15: no consenting user streamed it for 30 s or more or follows it',
  );
  assert.match(whyNoTopFans(summary(0), report(['birth_date']), defaults), /has no fans/);
  assert.match(whyNoTopFans(summary(3), report(['birth_date']), defaults), /the data has no birth dates/);
  assert.is(
    whyNoTopFans(summary(3), report(), defaults),
    'artist 7: none of its 3 fans is known to be an adult; minors and fans without a birth date are never shown',
  );
  assert.match(
    whyNoTopFans(summary(1), report(), defaults),
    /^artist 7: its only fan is not known to be an adult/,
  );
});

Why('the definition of a fan is the one of the settings', () => {
  const strict = resolveSettings({
    asOf: '2026-06-15',
    fan: { minMsPlayed: 45_500, minStreams: 3, followsMakeFans: false, windowDays: 28 },
  });
  assert.is(
    whyNoTopFans(summary(0), report(), strict),
    'artist 7 has no fans as of 2026-06-15: no consenting user streamed it 3 times for 45.5 s or more since 2026-05-19',
  );
  const anyPlay = resolveSettings({ asOf: '2026-06-15', fan: { minMsPlayed: 0 } });
  assert.match(whyNoTopFans(summary(0), report(), anyPlay), /no consenting user streamed it or follows it$/);
});

Why.run();
