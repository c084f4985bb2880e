import { internal, invalidArgument } from './errors.js';

/** How many times one value occurs: a histogram bucket. */
export interface ValueCount {
  value: number;
  count: number;
}

/**
 * Median of whole numbers given as a histogram; `null` when there is no value.
 * For an even count, the mean of the two middle values rounded half up (21 and 22 give 22).
 */
export function medianOfCounts(counts: readonly ValueCount[]): number | null {
  const sorted = counts.filter((c) => c.count > 0).sort((a, b) => a.value - b.value);
  let total = 0;
  for (const { value, count } of sorted) {
    if (!Number.isInteger(value) || !Number.isInteger(count)) {
      throw invalidArgument(`median expects whole numbers, got value ${value} x ${count}`);
    }
    total += count;
  }
  if (total === 0) return null;
  // 1-based positions of the two middle values; equal when the count is odd.
  const lower = valueAt(sorted, Math.floor((total + 1) / 2));
  const upper = valueAt(sorted, Math.floor(total / 2) + 1);
  return Math.floor((lower + upper + 1) / 2);
}

/** Median of a list of whole numbers, by the same rule as `medianOfCounts`. */
export function median(values: readonly number[]): number | null {
  return medianOfCounts(values.map((value) => ({ value, count: 1 })));
}

function valueAt(sorted: readonly ValueCount[], position: number): number {
  let seen = 0;
  for (const { value, count } of sorted) {
    seen += count;
    if (seen >= position) return value;
  }
  throw internal(`median position ${position} beyond ${seen} values`);
}
