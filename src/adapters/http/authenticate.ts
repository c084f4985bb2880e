import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { type CryptoKey, createLocalJWKSet, importSPKI, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { type Grant, grantFromClaims } from '../../domain/access.js';
import { FanbaseError } from '../../domain/errors.js';
import { type AuthConfig, authEnabled } from './auth-config.js';

/** Who is calling, from the request's headers: a grant, or an UNAUTHENTICATED error saying what to send. */
export type Authenticate = (headers: IncomingHttpHeaders) => Promise<Grant>;

const HOW = 'send Authorization: Bearer <token> (a JWT) or X-API-Key: <key>';

/**
 * The authenticator for the configuration, or null when authentication is off. Keys are imported once here;
 * a JWT is checked for its signature, algorithm, expiry (and not-before), audience and issuer by `jose`.
 */
export async function createAuthenticator(config: AuthConfig): Promise<Authenticate | null> {
  if (!authEnabled(config)) return null;
  const verifyJwt = await jwtVerifier(config);
  const apiKeys = (config.apiKeys ?? []).map((entry) => ({
    digest: Buffer.from(entry.sha256, 'hex'),
    grant: { subject: entry.name, admin: entry.admin, artists: new Set(entry.artists) } satisfies Grant,
  }));

  return async (headers) => {
    const apiKey = headers['x-api-key'];
    if (typeof apiKey === 'string' && apiKeys.length > 0) {
      const digest = createHash('sha256').update(apiKey).digest();
      // every stored key is compared, in constant time each: the answer's timing does not tell which matched
      let grant: Grant | undefined;
      for (const key of apiKeys) if (timingSafeEqual(key.digest, digest)) grant = key.grant;
      if (grant) return grant;
      throw new FanbaseError('UNAUTHENTICATED', `the API key is not known: ${HOW}`, { field: 'X-API-Key' });
    }
    const authorization = headers.authorization;
    if (authorization === undefined) {
      throw new FanbaseError('UNAUTHENTICATED', `credentials are required: ${HOW}`);
    }
    const token = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i.exec(authorization)?.[1];
    if (token === undefined || verifyJwt === null) {
      throw new FanbaseError('UNAUTHENTICATED', `the Authorization header is not accepted: ${HOW}`, {
        field: 'Authorization',
      });
    }
    return grantFromClaims(await verifyJwt(token));
  };
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
      throw new FanbaseError(
        'INVALID_OPTIONS',
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
  const options = { algorithms, audience: config.audience, issuer: config.issuer, clockTolerance: 30 };
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, key as Uint8Array, options);
      return payload as Record<string, unknown>;
    } catch (error) {
      throw new FanbaseError('UNAUTHENTICATED', `${whyRefused(error)}: ${HOW}`, { field: 'Authorization' });
    }
  };
}

/** jose's reason as a sentence for the caller; never the token itself. */
function whyRefused(error: unknown): string {
  const { code, claim } = error as { code?: string; claim?: string };
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return 'the token has expired';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return `the token's "${claim}" claim is not accepted`;
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
