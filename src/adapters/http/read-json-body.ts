import type { IncomingMessage } from 'node:http';
import getRawBody from 'raw-body';
import { invalidRequest, payloadTooLarge, unsupportedEncoding } from '../../domain/errors.js';

const EXAMPLE = 'send a JSON object like {"artist_id": 123}';
/** Refuses invalid UTF-8 instead of replacing it; a byte-order mark is dropped. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a request body as JSON whatever its Content-Type says: `curl -d` sends
 * application/x-www-form-urlencoded, and the specification's own command must work.
 */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') {
    throw unsupportedEncoding(`Content-Encoding ${encoding} is not accepted: send the body uncompressed`);
  }
  let bytes: Buffer;
  try {
    bytes = await getRawBody(req, { length: req.headers['content-length'], limit });
  } catch (error) {
    const type = (error as { type?: string }).type;
    if (type === 'entity.too.large') {
      throw payloadTooLarge(`the body is over ${limit} bytes: ${EXAMPLE}`);
    }
    if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
      throw unsupportedEncoding('the body must be UTF-8 JSON');
    }
    throw invalidRequest(`the body could not be read (${(error as Error).message}): ${EXAMPLE}`);
  }
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw unsupportedEncoding('the body is not UTF-8: send UTF-8 JSON');
  }
  if (text.trim() === '') throw invalidRequest(`the body is empty: ${EXAMPLE}`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalidRequest(`the body is not valid JSON (${(error as Error).message}): ${EXAMPLE}`);
  }
}
