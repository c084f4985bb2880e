import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { describeValue } from '../../domain/describe-value.js';
import { invalidRequest } from '../../domain/errors.js';
import { parseWindowName, type WindowName } from '../../domain/time-window.js';
import { FANBASE_REQUEST_SCHEMA } from './openapi.js';

const validate = new Ajv2020({ strict: true }).compile<{ artist_id: number; window?: string }>(
  FANBASE_REQUEST_SCHEMA,
);

/** What a POST /fanbase body asks: an artist, over a window (`undefined`: all). */
export interface FanbaseRequest {
  artistId: number;
  window: WindowName | undefined;
}

/**
 * The question of a POST /fanbase body, checked against the schema published in the OpenAPI document
 * (and the window's spelling), or an INVALID_REQUEST error saying what to send instead.
 */
export function parseFanbaseRequest(body: unknown): FanbaseRequest {
  if (validate(body)) {
    try {
      return {
        artistId: body.artist_id,
        window: body.window === undefined ? undefined : parseWindowName(body.window),
      };
    } catch (error) {
      throw invalidRequest((error as Error).message, { field: 'window' });
    }
  }
  const error = validate.errors?.[0];
  const field = error?.instancePath === '/window' ? 'window' : 'artist_id';
  throw invalidRequest(explain(error, body), { field });
}

function explain(error: ErrorObject | undefined, body: unknown): string {
  const example = 'send a JSON object like {"artist_id": 123}';
  const value = (body as Record<string, unknown> | null)?.artist_id;
  if (error?.instancePath === '/window') {
    return `window must be a string such as "28d", got ${describeValue((body as Record<string, unknown>).window)}`;
  }
  switch (error?.instancePath === '' ? error.keyword : `artist_id/${error?.keyword}`) {
    case 'type':
      return `the body must be a JSON object, got ${describeValue(body)}: ${example}`;
    case 'required':
      return `artist_id is missing: ${example}`;
    case 'additionalProperties':
      return `unknown field ${JSON.stringify(error?.params.additionalProperty)}: only artist_id and window are accepted`;
    case 'artist_id/type':
      return `artist_id must be a whole number, got ${describeValue(value)}: ${example}`;
    default:
      return `artist_id must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, got ${describeValue(value)}`;
  }
}
