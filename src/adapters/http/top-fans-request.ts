import { describeValue } from '../../domain/describe-value.js';
import { invalidRequest } from '../../domain/errors.js';
import { parseWindowName, type WindowName } from '../../domain/time-window.js';

/** The most fans one page holds (`limit`), and how many it holds when `limit` is left out. */
export const TOP_FANS_MAX_LIMIT = 1000;
export const TOP_FANS_DEFAULT_LIMIT = 100;
const PARAMETERS = ['limit', 'offset', 'window'];

/** What a GET /artists/{artist_id}/top-fans request asks: a page of the artist's ranking over a window. */
export interface TopFansRequest {
  artistId: number;
  limit: number;
  offset: number;
  window: WindowName;
}

/**
 * The question of a top-fans request: the artist of the path and the page of the query string (`limit` 1 to
 * 1,000, default 100; `offset` from 0, default 0; `window`, default `all`), or an INVALID_REQUEST error
 * naming the parameter to fix. A parameter given twice, or one this endpoint does not take, is refused
 * rather than ignored: a misspelt `limt` would otherwise answer a page the caller did not ask for.
 */
export function parseTopFansRequest(
  artistId: string,
  query: Record<string, string | string[] | undefined>,
): TopFansRequest {
  const unknown = Object.keys(query).find((name) => !PARAMETERS.includes(name));
  if (unknown !== undefined) {
    throw invalidRequest(
      `unknown query parameter ${JSON.stringify(unknown)}: only limit, offset and window are accepted`,
      { field: unknown },
    );
  }
  const one = (name: string): string | undefined => {
    const value = query[name];
    if (Array.isArray(value))
      throw invalidRequest(`${name} is given ${value.length} times: give it once`, { field: name });
    return value;
  };
  const whole = (name: string, value: string, min: number, max: number): number => {
    const n = /^\d{1,16}$/.test(value) ? Number(value) : Number.NaN;
    if (Number.isSafeInteger(n) && n >= min && n <= max) return n;
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`;
    throw invalidRequest(`${name} must be a whole number ${range}, got ${describeValue(value)}`, {
      field: name,
    });
  };
  const limit = one('limit');
  const offset = one('offset');
  const window = one('window');
  let windowName: WindowName = 'all';
  if (window !== undefined) {
    try {
      windowName = parseWindowName(window);
    } catch (error) {
      throw invalidRequest((error as Error).message, { field: 'window' });
    }
  }
  return {
    artistId: whole('artist_id', artistId, 0, Number.MAX_SAFE_INTEGER),
    limit: limit === undefined ? TOP_FANS_DEFAULT_LIMIT : whole('limit', limit, 1, TOP_FANS_MAX_LIMIT),
    offset: offset === undefined ? 0 : whole('offset', offset, 0, Number.MAX_SAFE_INTEGER),
    window: windowName,
  };
}
