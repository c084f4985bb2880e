/**
 * The page's calls to the API it is served by (same origin, so the Content-Security-Policy's
 * `connect-src 'self'` holds): the credentials the artist gave, kept in this tab's sessionStorage only
 * (never in the URL, never in localStorage), and each refusal turned into a sentence.
 */
const KEY = 'fanbase.credentials';

export interface Credentials {
  kind: 'bearer' | 'key';
  secret: string;
}

export function credentials(): Credentials | null {
  const kept = sessionStorage.getItem(KEY);
  if (!kept) return null;
  try {
    const parsed = JSON.parse(kept) as Credentials;
    return parsed.kind === 'bearer' || parsed.kind === 'key' ? parsed : null;
  } catch {
    return null;
  }
}

export function keepCredentials(value: Credentials | null): void {
  if (value === null) sessionStorage.removeItem(KEY);
  else sessionStorage.setItem(KEY, JSON.stringify(value));
}

function headers(extra: Record<string, string> = {}): Record<string, string> {
  const given = credentials();
  if (given?.kind === 'bearer') return { ...extra, Authorization: `Bearer ${given.secret}` };
  if (given?.kind === 'key') return { ...extra, 'X-API-Key': given.secret };
  return extra;
}

/** A refused or failed call, with the sentence the page shows and the status it came with. */
export class ApiProblem extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function problemOf(response: Response, artistId: number): Promise<ApiProblem> {
  let detail = '';
  try {
    detail = ((await response.json()) as { detail?: string }).detail ?? '';
  } catch {
    // not a problem document: the status says enough
  }
  const said = detail ? ` (${detail})` : '';
  if (response.status === 401) {
    return new ApiProblem(
      `This server asks for credentials: open "Credentials" and enter a token or an API key${said}.`,
      401,
    );
  }
  if (response.status === 403) {
    return new ApiProblem(
      `These credentials do not let you see artist ${artistId}. Use credentials that grant it, or pick another artist.`,
      403,
    );
  }
  if (response.status === 429)
    return new ApiProblem('Too many requests for now: wait a moment and try again.', 429);
  if (response.status === 503)
    return new ApiProblem('The server is still loading its data: try again in a moment.', 503);
  if (response.status === 400)
    return new ApiProblem(`The server could not answer this question${said}.`, 400);
  return new ApiProblem(`The server failed to answer (status ${response.status})${said}.`, response.status);
}

async function call(url: string, artistId: number, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers: headers((init.headers as Record<string, string>) ?? {}),
    });
  } catch {
    throw new ApiProblem('The server cannot be reached: is it running?', 0);
  }
  if (!response.ok) throw await problemOf(response, artistId);
  return response;
}

// biome-ignore lint/suspicious/noExplicitAny: the API's answers, read field by field by the page
export type Json = any;

export async function fanbase(artistId: number, window: string): Promise<Json> {
  const response = await call('/fanbase', artistId, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ artist_id: artistId, window }),
  });
  return response.json();
}

export async function audience(artistId: number, window: string): Promise<Json> {
  return (await call(`/artists/${artistId}/audience?window=${encodeURIComponent(window)}`, artistId)).json();
}

export function topFansPath(
  artistId: number,
  window: string,
  offset: number,
  limit: number,
  explain = false,
): string {
  const query = `limit=${limit}&offset=${offset}&window=${encodeURIComponent(window)}${explain ? '&explain=true' : ''}`;
  return `/artists/${artistId}/top-fans?${query}`;
}

export async function topFans(
  artistId: number,
  window: string,
  offset: number,
  limit: number,
  explain = false,
): Promise<Json> {
  return (await call(topFansPath(artistId, window, offset, limit, explain), artistId)).json();
}

/** The page as the `topfans` CSV, the same bytes as the command for the same artist, window and count. */
export async function topFansCsv(
  artistId: number,
  window: string,
  offset: number,
  limit: number,
): Promise<Blob> {
  return (
    await call(topFansPath(artistId, window, offset, limit), artistId, { headers: { Accept: 'text/csv' } })
  ).blob();
}
