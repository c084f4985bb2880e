import { type FanbaseErrorCode, isFanbaseError } from '../../domain/errors.js';

/** An RFC 9457 problem details body. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The one place where error codes become HTTP statuses and titles. */
const STATUS: Record<FanbaseErrorCode, [number, string]> = {
  INVALID_REQUEST: [400, 'Invalid request'],
  INVALID_ARGUMENT: [400, 'Invalid argument'],
  PAYLOAD_TOO_LARGE: [413, 'Request body too large'],
  UNSUPPORTED_ENCODING: [415, 'Unsupported request encoding'],
  UNAUTHENTICATED: [401, 'Unauthorized'],
  FORBIDDEN: [403, 'Forbidden'],
  RATE_LIMITED: [429, 'Too many requests'],
  NOT_FOUND: [404, 'Not found'],
  METHOD_NOT_ALLOWED: [405, 'Method not allowed'],
  REQUEST_TIMEOUT: [408, 'Request timeout'],
  REQUEST_HEADER_FIELDS_TOO_LARGE: [431, 'Request header fields too large'],
  EXPECTATION_FAILED: [417, 'Expectation failed'],
  NOT_READY: [503, 'Not ready'],
  CLOSED: [503, 'Shutting down'],
  QUERY_TIMEOUT: [503, 'Query timed out'],
  ENGINE_UNAVAILABLE: [503, 'Engine unavailable'],
  INVALID_OPTIONS: [500, 'Server misconfigured'],
  INVALID_MAPPING: [500, 'Server misconfigured'],
  DATA_NOT_FOUND: [500, 'Dataset unavailable'],
  DATA_COLUMN_MISSING: [500, 'Dataset unavailable'],
  DATA_WRONG_TYPE: [500, 'Dataset unavailable'],
  DATA_MALFORMED: [500, 'Dataset unavailable'],
  DATA_UNREADABLE: [500, 'Dataset unavailable'],
  OUTPUT_FAILED: [500, 'Internal error'],
  INTERNAL: [500, 'Internal error'],
};

/**
 * The problem an error answers with. The message is the caller's when the status says the caller can fix
 * it (4xx); the details of server-side errors (5xx) and of unexpected ones are never sent.
 */
export function problemOf(error: unknown): Problem {
  const code: FanbaseErrorCode = isFanbaseError(error) ? error.code : 'INTERNAL';
  const [status, title] = STATUS[code];
  const detail =
    isFanbaseError(error) && status < 500
      ? error.message
      : status === 503
        ? 'The service is not ready to answer; retry shortly.'
        : 'The server could not answer this request; the error is logged with its request id.';
  return { type: `urn:fanbase:problem:${code.toLowerCase().replaceAll('_', '-')}`, title, status, detail };
}
