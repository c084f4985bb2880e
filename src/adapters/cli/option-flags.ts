import { FanbaseError } from '../../domain/errors.js';

/**
 * The library's options and the flags that give them: the one place where the library's words become the
 * command line's, as exit-codes.ts is for codes. The library and the domain name their options (`data`,
 * `out`, `asOf`); the commands name flags.
 */
export const FLAG_OF_OPTION: Readonly<Record<string, string>> = {
  data: '--data',
  mapping: '--mapping',
  asOf: '--as-of',
  out: '--out',
  engine: '--engine',
  clickhouse: '--clickhouse-url',
  users: '--users',
  artists: '--artists',
  streams: '--streams',
  seed: '--seed',
};

/** The error as the command line says it: an option it names first, and its field, written as the flag. */
export function inFlagTerms(error: unknown): unknown {
  if (!(error instanceof FanbaseError)) return error;
  const field = error.location.field;
  const flag = field === undefined ? undefined : FLAG_OF_OPTION[field];
  if (flag === undefined) return error;
  const message = error.message.startsWith(`${field} `)
    ? `${flag}${error.message.slice(field?.length)}`
    : error.message;
  return new FanbaseError(error.code, message, { ...error.location, field: flag }, { cause: error.cause });
}
