/** Stable codes of every error fanbase raises on purpose. Adapters map them to HTTP statuses and exit codes. */
export type FanbaseErrorCode =
  | 'INVALID_REQUEST'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_ENCODING'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'REQUEST_TIMEOUT'
  | 'REQUEST_HEADER_FIELDS_TOO_LARGE'
  | 'EXPECTATION_FAILED'
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
 * The one error family of fanbase: a stable `code`, a message that says what to fix, and where. Whether a
 * caller sees the message is the adapter's to decide from the code (the API sends it for 4xx answers only,
 * the commands print it).
 */
export class FanbaseError extends Error {
  override readonly name = 'FanbaseError';
  readonly code: FanbaseErrorCode;
  readonly location: ErrorLocation;

  constructor(code: FanbaseErrorCode, message: string, location: ErrorLocation = {}, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
    this.location = location;
  }
}

/** True for errors raised by fanbase itself, as opposed to bugs or foreign errors. */
export function isFanbaseError(error: unknown): error is FanbaseError {
  return error instanceof FanbaseError;
}

/** A factory per code, so that each call says what went wrong: `invalidArgument('...', { field })`. */
type Factory = (message: string, location?: ErrorLocation, options?: ErrorOptions) => FanbaseError;
const factory =
  (code: FanbaseErrorCode): Factory =>
  (message, location, options) =>
    new FanbaseError(code, message, location, options);

/** A `INVALID_REQUEST` FanbaseError. */
export const invalidRequest: Factory = factory('INVALID_REQUEST');
/** A `PAYLOAD_TOO_LARGE` FanbaseError. */
export const payloadTooLarge: Factory = factory('PAYLOAD_TOO_LARGE');
/** A `UNSUPPORTED_ENCODING` FanbaseError. */
export const unsupportedEncoding: Factory = factory('UNSUPPORTED_ENCODING');
/** A `NOT_FOUND` FanbaseError. */
export const notFound: Factory = factory('NOT_FOUND');
/** A `METHOD_NOT_ALLOWED` FanbaseError. */
export const methodNotAllowed: Factory = factory('METHOD_NOT_ALLOWED');
/** A `REQUEST_TIMEOUT` FanbaseError. */
export const requestTimeout: Factory = factory('REQUEST_TIMEOUT');
/** A `REQUEST_HEADER_FIELDS_TOO_LARGE` FanbaseError. */
export const requestHeaderFieldsTooLarge: Factory = factory('REQUEST_HEADER_FIELDS_TOO_LARGE');
/** An `EXPECTATION_FAILED` FanbaseError. */
export const expectationFailed: Factory = factory('EXPECTATION_FAILED');
/** A `NOT_READY` FanbaseError. */
export const notReady: Factory = factory('NOT_READY');
/** A `UNAUTHENTICATED` FanbaseError. */
export const unauthenticated: Factory = factory('UNAUTHENTICATED');
/** A `FORBIDDEN` FanbaseError. */
export const forbidden: Factory = factory('FORBIDDEN');
/** A `RATE_LIMITED` FanbaseError. */
export const rateLimited: Factory = factory('RATE_LIMITED');
/** A `QUERY_TIMEOUT` FanbaseError. */
export const queryTimeout: Factory = factory('QUERY_TIMEOUT');
/** A `ENGINE_UNAVAILABLE` FanbaseError. */
export const engineUnavailable: Factory = factory('ENGINE_UNAVAILABLE');
/** A `INVALID_ARGUMENT` FanbaseError. */
export const invalidArgument: Factory = factory('INVALID_ARGUMENT');
/** A `INVALID_OPTIONS` FanbaseError. */
export const invalidOptions: Factory = factory('INVALID_OPTIONS');
/** A `INVALID_MAPPING` FanbaseError. */
export const invalidMapping: Factory = factory('INVALID_MAPPING');
/** A `DATA_NOT_FOUND` FanbaseError. */
export const dataNotFound: Factory = factory('DATA_NOT_FOUND');
/** A `DATA_COLUMN_MISSING` FanbaseError. */
export const dataColumnMissing: Factory = factory('DATA_COLUMN_MISSING');
/** A `DATA_WRONG_TYPE` FanbaseError. */
export const dataWrongType: Factory = factory('DATA_WRONG_TYPE');
/** A `DATA_MALFORMED` FanbaseError. */
export const dataMalformed: Factory = factory('DATA_MALFORMED');
/** A `DATA_UNREADABLE` FanbaseError. */
export const dataUnreadable: Factory = factory('DATA_UNREADABLE');
/** A `OUTPUT_FAILED` FanbaseError. */
export const outputFailed: Factory = factory('OUTPUT_FAILED');
/** A `CLOSED` FanbaseError. */
export const closed: Factory = factory('CLOSED');
/** A `INTERNAL` FanbaseError. */
export const internal: Factory = factory('INTERNAL');
