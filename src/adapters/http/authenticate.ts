import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { type CryptoKey, createLocalJWKSet, importSPKI, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { type Grant, grantFromClaims } from '../../domain/access.js';
import { durationText } from '../../domain/duration.js';
import { invalidOptions, unauthenticated } from '../../domain/errors.js';
import { type AuthConfig, authEnabled } from './auth-config.js';

/** An authenticated caller: what it may read, and the key its requests are counted under. */
export interface Caller {
  grant: Grant;
  /**
   * The credential, for rate limits only (never logged): its kind, and for a JWT its issuer and subject (or
   * the token itself when it has no `sub`), so that no two credentials share a budget by accident.
   */
  client: string;
}

/** Who is calling, from the request's headers: a caller, or an UNAUTHENTICATED error saying what to send. */
export type Authenticate = (headers: IncomingHttpHeaders) => Promise<Caller>;

const HOW = 'send Authorization: Bearer <token> (a JWT) or X-API-Key: <key>';

/**
 * The authenticator for the configuration, or null when authentication is off. Keys are imported once here;
 * a JWT is checked for its signature, algorithm, expiry (required, and within the maximum lifetime),
 * not-before, audience and issuer by `jose`.
 */
export async function createAuthenticator(config: AuthConfig): Promise<Authenticate | null> {
  if (!authEnabled(config)) return null;
  const verifyJwt = await jwtVerifier(config);
  const apiKeys = (config.apiKeys ?? []).map((entry) => ({
    digest: Buffer.from(entry.sha256, 'hex'),
    caller: {
      grant: { admin: entry.admin, artists: new Set(entry.artists) },
      client: JSON.stringify(['api-key', entry.name]),
    } satisfies Caller,
  }));

  return async (headers) => {
    const apiKey = headers['x-api-key'];
    if (typeof apiKey === 'string' && apiKeys.length > 0) {
      if (apiKey.trim() === '') {
        throw unauthenticated(`the X-API-Key header is empty: ${HOW}`, {
          field: 'X-API-Key',
        });
      }
      const digest = createHash('sha256').update(apiKey).digest();
      // every stored key is compared, in constant time each: the answer's timing does not tell which matched
      let caller: Caller | undefined;
      for (const key of apiKeys) if (timingSafeEqual(key.digest, digest)) caller = key.caller;
      if (caller) return caller;
      throw unauthenticated(`the API key is not known: ${HOW}`, { field: 'X-API-Key' });
    }
    const authorization = headers.authorization;
    if (authorization === undefined) {
      throw unauthenticated(`credentials are required: ${HOW}`);
    }
    const token = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i.exec(authorization)?.[1];
    if (token === undefined || verifyJwt === null) {
      throw unauthenticated(`the Authorization header is not accepted: ${HOW}`, {
        field: 'Authorization',
      });
    }
    const claims = await verifyJwt(token);
    return { grant: grantFromClaims(claims), client: jwtClient(claims, token) };
  };
}

/** A JWT's rate-limit key: issuer and subject, or the token's hash when it names no subject. */
function jwtClient(claims: Record<string, unknown>, token: string): string {
  const issuer = typeof claims.iss === 'string' ? claims.iss : null;
  return typeof claims.sub === 'string'
    ? JSON.stringify(['jwt', issuer, 'sub', claims.sub])
    : JSON.stringify(['jwt', issuer, 'token', createHash('sha256').update(token).digest('hex')]);
}

type VerifyJwt = (token: string) => Promise<Record<string, unknown>>;

async function jwtVerifier(config: AuthConfig): Promise<VerifyJwt | null> {
  let key: Uint8Array | CryptoKey | JWTVerifyGetKey;
  let algorithms: string[];
  if (config.jwtSecret !== undefined) {
    key = new TextEncoder().encode(config.jwtSecret);
    algorithms = ['HS256'];
  } else if (config.jwtPublicKey !== undefined) {
    try {
      key = await importSPKI(config.jwtPublicKey.pem, config.jwtPublicKey.algorithm);
    } catch (error) {
      throw invalidOptions(
        `FANBASE_JWT_PUBLIC_KEY_FILE (${config.jwtPublicKey.file}) is not a ${config.jwtPublicKey.algorithm} public key: ${(error as Error).message}`,
        { field: 'FANBASE_JWT_PUBLIC_KEY_FILE' },
      );
    }
    algorithms = [config.jwtPublicKey.algorithm];
  } else if (config.jwks !== undefined) {
    key = createLocalJWKSet({ keys: config.jwks.keys as never[] });
    algorithms = ['RS256', 'ES256', 'EdDSA'];
  } else {
    return null;
  }
  const options = {
    algorithms,
    audience: config.audience,
    issuer: config.issuer,
    clockTolerance: CLOCK_SKEW_SECONDS,
    // a token without exp would never expire
    requiredClaims: ['exp'],
  };
  const longest = config.maxLifetimeSeconds;
  return async (token) => {
    let payload: Record<string, unknown>;
    try {
      payload = (await jwtVerify(token, key as Uint8Array, options)).payload as Record<string, unknown>;
    } catch (error) {
      throw unauthenticated(`${whyRefused(error)}: ${HOW}`, { field: 'Authorization' });
    }
    // the lifetime from issue (or from now, without iat) to expiry; jose has checked exp is a number
    const now = Math.floor(Date.now() / 1000);
    const issuedAt = typeof payload.iat === 'number' ? Math.min(payload.iat, now) : now;
    if ((payload.exp as number) - issuedAt > longest + CLOCK_SKEW_SECONDS) {
      throw unauthenticated(
        `the token lives longer than the ${durationText(longest)} allowed (FANBASE_JWT_MAX_LIFETIME): ask for a token that expires sooner; ${HOW}`,
        { field: 'Authorization' },
      );
    }
    return payload;
  };
}

const CLOCK_SKEW_SECONDS = 30;

/** jose's reason as a sentence for the caller; never the token itself. */
function whyRefused(error: unknown): string {
  const { code, claim } = error as { code?: string; claim?: string };
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return 'the token has expired';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return claim === 'exp'
        ? 'the token has no "exp" claim: tokens must expire'
        : `the token's "${claim}" claim is not accepted`;
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return "the token's signature does not verify";
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return "the token's algorithm is not accepted";
    case 'ERR_JWKS_NO_MATCHING_KEY':
      return "no key of the key set matches the token's";
    default:
      return 'the token is not a valid JWT';
  }
}
