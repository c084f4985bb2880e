import { invalidArgument } from '../../domain/errors.js';

/**
 * The single value of a flag as text, as typed (see raw-values.ts); undefined when absent. A repeated
 * flag (an array) or a flag without a value is refused.
 */
export function single(value: unknown, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) usage(flag, `is given ${value.length} times: give it once`);
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string' || value === '') usage(flag, 'needs a value');
  return value as string;
}

/** A whole number written in plain digits, within [min, max]. */
export function wholeNumber(
  value: unknown,
  flag: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  const text = single(value, flag);
  if (text === undefined) return undefined;
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    usage(flag, `must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return n;
}

/** One of the allowed words. */
export function oneOf<T extends string>(value: unknown, flag: string, allowed: readonly T[], fallback: T): T {
  const text = single(value, flag) ?? fallback;
  if (!allowed.includes(text as T)) usage(flag, `must be one of ${allowed.join(', ')}, got "${text}"`);
  return text as T;
}

export function usage(flag: string, problem: string): never {
  throw invalidArgument(`${flag} ${problem}`, { field: flag });
}
