import { type FanbaseErrorCode, isFanbaseError } from '../../domain/errors.js';

/** Exit codes of the commands: 0 done, 1 the data or the run failed, 2 the command line is wrong. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** The one place where errors become exit codes. */
const USAGE_CODES = new Set<FanbaseErrorCode>(['INVALID_ARGUMENT', 'INVALID_OPTIONS', 'INVALID_REQUEST']);

/** The exit code for an error: usage mistakes (including cac's own) are 2, everything else 1. */
export function exitCodeOf(error: unknown): number {
  if (isFanbaseError(error)) return USAGE_CODES.has(error.code) ? EXIT.usage : EXIT.failure;
  if ((error as { name?: string } | null)?.name === 'CACError') return EXIT.usage;
  return EXIT.failure;
}
