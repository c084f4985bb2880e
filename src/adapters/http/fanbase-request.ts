import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { describeValue } from '../../domain/describe-value.js';
import { invalidRequest } from '../../domain/errors.js';
import { FANBASE_REQUEST_SCHEMA } from './openapi.js';

const validate = new Ajv2020({ strict: true }).compile<{ artist_id: number }>(FANBASE_REQUEST_SCHEMA);

/**
 * The artist id of a POST /fanbase body, checked against the schema published in the OpenAPI document,
 * or an INVALID_REQUEST error saying what to send instead.
 */
export function parseFanbaseRequest(body: unknown): number {
  if (validate(body)) return body.artist_id;
  throw invalidRequest(explain(validate.errors?.[0], body), { field: 'artist_id' });
}

function explain(error: ErrorObject | undefined, body: unknown): string {
  const example = 'send a JSON object like {"artist_id": 123}';
  const value = (body as Record<string, unknown> | null)?.artist_id;
  switch (error?.instancePath === '' ? error.keyword : `artist_id/${error?.keyword}`) {
    case 'type':
      return `the body must be a JSON object, got ${describeValue(body)}: ${example}`;
    case 'required':
      return `artist_id is missing: ${example}`;
    case 'additionalProperties':
      return `unknown field ${JSON.stringify(error?.params.additionalProperty)}: only artist_id is accepted`;
    case 'artist_id/type':
      return `artist_id must be a whole number, got ${describeValue(value)}: ${example}`;
    default:
      return `artist_id must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, got ${describeValue(value)}`;
  }
}
