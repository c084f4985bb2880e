import { internal } from '../domain/errors.js';

/** A JavaScript value with no `bigint` and no `Date`: what crosses from the adapter to the rest. */
export type PlainValue = null | boolean | number | string | PlainValue[] | { [key: string]: PlainValue };

/**
 * Converts a value read with `getRowObjectsJS()` to a plain one, once, at the adapter boundary:
 * `bigint` to number (refusing values beyond 2^53), `Date` to `YYYY-MM-DD` or an ISO timestamp.
 */
export function plainValue(value: unknown): PlainValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'boolean':
    case 'number':
    case 'string':
      return value;
    case 'bigint':
      if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
        throw internal(`a value read from DuckDB (${value}) is beyond 2^53`);
      }
      return Number(value);
    default:
      break;
  }
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (Array.isArray(value)) return value.map(plainValue);
  if (typeof value === 'object') {
    const out: { [key: string]: PlainValue } = {};
    for (const [k, v] of Object.entries(value)) out[k] = plainValue(v);
    return out;
  }
  throw internal(`unexpected value of type ${typeof value} read from DuckDB`);
}

/** Converts every row of a result to plain values. */
export function plainRows(rows: readonly Record<string, unknown>[]): Record<string, PlainValue>[] {
  return rows.map((row) => plainValue(row) as Record<string, PlainValue>);
}
