import { unauthenticated } from './errors.js';

/** The scope that lets a caller read every artist's fanbase (an operator, the platform's own services). */
export const ADMIN_SCOPE = 'fanbase:admin';

/** What one authenticated caller may read: every artist, or the artists listed. */
export interface Grant {
  readonly admin: boolean;
  readonly artists: ReadonlySet<number>;
}

/** Whether the caller may read this artist's fanbase. */
export function mayRead(grant: Grant, artistId: number): boolean {
  return grant.admin || grant.artists.has(artistId);
}

/**
 * The grant of a verified token: its `artists` claim (artist ids) and/or `fanbase:admin` in its `scope`
 * (space-separated, OAuth style). A token with neither grants nothing and is refused.
 */
export function grantFromClaims(claims: Record<string, unknown>): Grant {
  const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
  const admin = scopes.includes(ADMIN_SCOPE);
  const listed = claims.artists;
  if (listed !== undefined && !isIdList(listed)) {
    throw unauthenticated('the token\'s "artists" claim must be a list of artist ids (whole numbers)', {
      field: 'Authorization',
    });
  }
  const artists = new Set(listed ?? []);
  if (!admin && artists.size === 0) {
    throw unauthenticated(
      `the token grants no artist: it needs an "artists" claim or the scope ${ADMIN_SCOPE}`,
      { field: 'Authorization' },
    );
  }
  return { admin, artists };
}

function isIdList(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((id) => Number.isSafeInteger(id) && id >= 0);
}
