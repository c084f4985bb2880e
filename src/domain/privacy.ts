import { describeValue } from './describe-value.js';
import { FanbaseError } from './errors.js';
import type { FanbaseSummary } from './records.js';

/**
 * k-anonymity for summaries: below `minFans` fans, the median age and the top countries are withheld
 * (null and []), since with three fans they nearly name them; the fan count stays. 0 turns it off, the
 * default, which keeps the specification's output.
 */
export function withholdSmallDemographics(summary: FanbaseSummary, minFans: number): FanbaseSummary {
  if (summary.total_fans === 0 || summary.total_fans >= minFans) return summary;
  return { ...summary, fans_median_age: null, fans_top_countries: [] };
}

/** Checks a minimum fan count option (a whole number >= 0) and returns it. */
export function parseMinFans(value: unknown, field: string): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  throw new FanbaseError(
    'INVALID_OPTIONS',
    `${field} must be a whole number of fans >= 0 (0: off), got ${describeValue(value)}`,
    { field },
  );
}
