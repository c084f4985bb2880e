import { SignJWT } from 'jose';
import { ADMIN_SCOPE } from '../../domain/access.js';
import { durationSeconds } from '../../domain/duration.js';
import { invalidArgument } from '../../domain/errors.js';

/** What `fanbase token` signs. */
export interface TokenRequest {
  artists: number[];
  admin: boolean;
  /** seconds */
  expiresIn: number;
  subject: string;
  secret: string;
  audience: string;
  issuer: string | undefined;
}

/**
 * An HS256 JWT the API accepts when it shares the secret: `artists` and/or the admin scope, `sub`, `aud`,
 * `iss` when set, issued now, expiring after `expiresIn` seconds.
 */
export async function issueToken(request: TokenRequest): Promise<string> {
  if (!request.admin && request.artists.length === 0) {
    throw invalidArgument('a token must grant something: give --artists 123,456 or --admin', {
      field: '--artists',
    });
  }
  const claims: Record<string, unknown> = {};
  if (request.artists.length > 0) claims.artists = request.artists;
  if (request.admin) claims.scope = ADMIN_SCOPE;
  let jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.subject)
    .setAudience(request.audience)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + request.expiresIn);
  if (request.issuer !== undefined) jwt = jwt.setIssuer(request.issuer);
  return jwt.sign(new TextEncoder().encode(request.secret));
}

/** `90`, `90s`, `15m`, `12h`, `30d` as seconds, for the flag named. */
export function parseDuration(value: string, flag: string): number {
  const seconds = durationSeconds(value);
  if (seconds === undefined) {
    throw invalidArgument(
      `${flag} must be a duration like 90s, 15m, 12h or 30d (at most a year), got "${value}"`,
      { field: flag },
    );
  }
  return seconds;
}
