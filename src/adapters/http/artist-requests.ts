import { describeValue } from '../../domain/describe-value.js';
import { invalidRequest } from '../../domain/errors.js';
import { parseWindowName, type WindowName } from '../../domain/time-window.js';

/** The most fans one page holds (`limit`), and how many it holds when `limit` is left out. */
export const TOP_FANS_MAX_LIMIT = 1000;
export const TOP_FANS_DEFAULT_LIMIT = 100;

/** What a GET /artists/{artist_id}/top-fans request asks: a page of the artist's ranking over a window. */
export interface TopFansRequest {
  artistId: number;
  limit: number;
  offset: number;
  window: WindowName;
  /** The score's components of each fan too (`explain=true`), as `topfans --explain` gives them. */
  explain: boolean;
}

/** What a GET /artists/{artist_id}/audience request asks: an artist over a window. */
export interface AudienceRequest {
  artistId: number;
  window: WindowName;
}

/**
 * The question of a top-fans request: the artist of the path and the page of the query string (`limit` 1 to
 * 1,000, default 100; `offset` from 0, default 0; `window`, default `all`; `explain`, `true` or `false`,
 * default `false`), or an INVALID_REQUEST error
 * naming the parameter to fix.
 */
export function parseTopFansRequest(artistId: string, query: Query): TopFansRequest {
  const q = checkedQuery(query, ['limit', 'offset', 'window', 'explain']);
  const limit = q.one('limit');
  const offset = q.one('offset');
  const explain = q.one('explain');
  if (explain !== undefined && explain !== 'true' && explain !== 'false') {
    throw invalidRequest(`explain must be true or false, got ${describeValue(explain)}`, {
      field: 'explain',
    });
  }
  return {
    artistId: whole('artist_id', artistId, 0, Number.MAX_SAFE_INTEGER),
    limit: limit === undefined ? TOP_FANS_DEFAULT_LIMIT : whole('limit', limit, 1, TOP_FANS_MAX_LIMIT),
    offset: offset === undefined ? 0 : whole('offset', offset, 0, Number.MAX_SAFE_INTEGER),
    window: q.window(),
    explain: explain === 'true',
  };
}

/** The question of an audience request: the artist of the path, `window` (default `all`) of the query string. */
export function parseAudienceRequest(artistId: string, query: Query): AudienceRequest {
  const q = checkedQuery(query, ['window']);
  return { artistId: whole('artist_id', artistId, 0, Number.MAX_SAFE_INTEGER), window: q.window() };
}

type Query = Record<string, string | string[] | undefined>;

/**
 * The query string checked like a body: a parameter the endpoint does not take, or one given twice, is
 * refused rather than ignored (a misspelt `limt` would otherwise answer what the caller did not ask for).
 */
function checkedQuery(query: Query, accepted: string[]) {
  const unknown = Object.keys(query).find((name) => !accepted.includes(name));
  if (unknown !== undefined) {
    const list =
      accepted.length === 1
        ? `only ${accepted[0]} is`
        : `only ${accepted.slice(0, -1).join(', ')} and ${accepted.at(-1)} are`;
    throw invalidRequest(`unknown query parameter ${JSON.stringify(unknown)}: ${list} accepted`, {
      field: unknown,
    });
  }
  const one = (name: string): string | undefined => {
    const value = query[name];
    if (Array.isArray(value)) {
      throw invalidRequest(`${name} is given ${value.length} times: give it once`, { field: name });
    }
    return value;
  };
  const window = (): WindowName => {
    const value = one('window');
    if (value === undefined) return 'all';
    try {
      return parseWindowName(value);
    } catch (error) {
      throw invalidRequest((error as Error).message, { field: 'window' });
    }
  };
  return { one, window };
}

/** `value` as a whole number from `min` to `max`, or an INVALID_REQUEST error naming `name`. */
function whole(name: string, value: string, min: number, max: number): number {
  const n = /^\d{1,16}$/.test(value) ? Number(value) : Number.NaN;
  if (Number.isSafeInteger(n) && n >= min && n <= max) return n;
  const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`;
  throw invalidRequest(`${name} must be a whole number ${range}, got ${describeValue(value)}`, {
    field: name,
  });
}
