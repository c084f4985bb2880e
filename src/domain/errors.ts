/** Stable codes of every error fanbase raises on purpose. Adapters map them to HTTP statuses and exit codes. */
export type FanbaseErrorCode =
  | 'INVALID_REQUEST'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_ENCODING'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'NOT_READY'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'QUERY_TIMEOUT'
  | 'ENGINE_UNAVAILABLE'
  | 'INVALID_ARGUMENT'
  | 'INVALID_OPTIONS'
  | 'INVALID_MAPPING'
  | 'DATA_NOT_FOUND'
  | 'DATA_COLUMN_MISSING'
  | 'DATA_WRONG_TYPE'
  | 'DATA_MALFORMED'
  | 'DATA_UNREADABLE'
  | 'OUTPUT_FAILED'
  | 'CLOSED'
  | 'INTERNAL';

/** Where in the user's data a problem sits, so a message can say what to fix. */
export interface ErrorLocation {
  table?: string;
  file?: string;
  column?: string;
  line?: number;
  field?: string;
}

/**
 * The one error family of fanbase. `expose` says whether the message is meant for the caller
 * (bad input, bad data) or is an internal fault to be logged and answered generically.
 */
export class FanbaseError extends Error {
  override readonly name = 'FanbaseError';
  readonly code: FanbaseErrorCode;
  readonly expose: boolean;
  readonly location: ErrorLocation;

  constructor(code: FanbaseErrorCode, message: string, location: ErrorLocation = {}, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
    this.expose = code !== 'INTERNAL';
    this.location = location;
  }
}

/** True for errors raised by fanbase itself, as opposed to bugs or foreign errors. */
export function isFanbaseError(error: unknown): error is FanbaseError {
  return error instanceof FanbaseError;
}
