import { describeValue } from './describe-value.js';
import { invalidArgument } from './errors.js';

/** Checks that `value` is an id fanbase can handle (a whole number from 0 to 2^53 - 1) and returns it. */
export function parseId(value: unknown, field: string): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  throw invalidArgument(
    `${field} must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, got ${describeValue(value)}`,
    { field },
  );
}

/** Checks that `value` is a whole number >= 1 and returns it. */
export function parseCount(value: unknown, field: string): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1) return value;
  throw invalidArgument(`${field} must be a whole number >= 1, got ${describeValue(value)}`, {
    field,
  });
}

/** Checks that `value` is a whole number >= 0 (a position to start from) and returns it. */
export function parseOffset(value: unknown, field: string): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  throw invalidArgument(`${field} must be a whole number >= 0, got ${describeValue(value)}`, {
    field,
  });
}
