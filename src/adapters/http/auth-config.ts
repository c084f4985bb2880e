import { readFileSync } from 'node:fs';
import { FanbaseError } from '../../domain/errors.js';

/** One static API key, stored as the SHA-256 of the key (the key itself is never stored). */
export interface ApiKeyEntry {
  name: string;
  sha256: string;
  admin: boolean;
  artists: number[];
}

/** How callers prove who they are; everything absent means authentication is off (the spec's curl works). */
export interface AuthConfig {
  /** HS256: the shared secret. */
  jwtSecret?: string;
  /** RS256, ES256 or EdDSA: a PEM public key (SPKI), with its algorithm. */
  jwtPublicKey?: { pem: string; algorithm: string; file: string };
  /** A JSON Web Key Set read from a file (keys picked by `kid`). */
  jwks?: { keys: unknown[]; file: string };
  issuer?: string;
  audience: string;
  apiKeys?: ApiKeyEntry[];
}

export const NO_AUTH: AuthConfig = { audience: 'fanbase' };

export const authEnabled = (auth: AuthConfig): boolean =>
  auth.jwtSecret !== undefined ||
  auth.jwtPublicKey !== undefined ||
  auth.jwks !== undefined ||
  auth.apiKeys !== undefined;

const PUBLIC_KEY_ALGORITHMS = ['RS256', 'ES256', 'EdDSA'];

/** Reads the authentication settings from the environment, naming the variable that is wrong. */
export function readAuthConfig(env: NodeJS.ProcessEnv): AuthConfig {
  const text = (name: string) => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const invalid = (name: string, problem: string): never => {
    throw new FanbaseError('INVALID_OPTIONS', `${name} ${problem}`, { field: name });
  };
  const file = (name: string): { path: string; content: string } | undefined => {
    const path = text(name);
    if (path === undefined) return undefined;
    try {
      return { path, content: readFileSync(path, 'utf8') };
    } catch (error) {
      return invalid(name, `names ${path}, which cannot be read (${(error as NodeJS.ErrnoException).code})`);
    }
  };

  const jwtSecret = text('FANBASE_JWT_SECRET');
  if (jwtSecret !== undefined && Buffer.byteLength(jwtSecret) < 32) {
    invalid(
      'FANBASE_JWT_SECRET',
      'must be at least 32 bytes long (HS256 with a shorter secret can be guessed)',
    );
  }
  const keyFile = file('FANBASE_JWT_PUBLIC_KEY_FILE');
  const algorithm = text('FANBASE_JWT_ALGORITHM') ?? 'RS256';
  if (!PUBLIC_KEY_ALGORITHMS.includes(algorithm)) {
    invalid(
      'FANBASE_JWT_ALGORITHM',
      `must be one of ${PUBLIC_KEY_ALGORITHMS.join(', ')}, got "${algorithm}"`,
    );
  }
  if (keyFile && !keyFile.content.includes('-----BEGIN PUBLIC KEY-----')) {
    invalid('FANBASE_JWT_PUBLIC_KEY_FILE', `(${keyFile.path}) must hold a PEM public key (BEGIN PUBLIC KEY)`);
  }
  const jwksFile = file('FANBASE_JWKS_FILE');
  let jwks: AuthConfig['jwks'];
  if (jwksFile) {
    let parsed: { keys?: unknown };
    try {
      parsed = JSON.parse(jwksFile.content);
    } catch (error) {
      return invalid('FANBASE_JWKS_FILE', `(${jwksFile.path}) is not JSON: ${(error as Error).message}`);
    }
    if (!Array.isArray(parsed?.keys) || parsed.keys.length === 0) {
      invalid('FANBASE_JWKS_FILE', `(${jwksFile.path}) must be a JSON Web Key Set: {"keys": [...]}`);
    }
    jwks = { keys: parsed.keys as unknown[], file: jwksFile.path };
  }
  const sources = [jwtSecret, keyFile, jwks].filter((s) => s !== undefined).length;
  if (sources > 1) {
    invalid(
      'FANBASE_JWT_SECRET',
      'FANBASE_JWT_PUBLIC_KEY_FILE and FANBASE_JWKS_FILE each set how tokens are verified: give one of them',
    );
  }
  const keysFile = file('FANBASE_API_KEYS_FILE');
  const issuer = text('FANBASE_JWT_ISSUER');
  return {
    audience: text('FANBASE_JWT_AUDIENCE') ?? 'fanbase',
    ...(issuer === undefined ? {} : { issuer }),
    ...(jwtSecret === undefined ? {} : { jwtSecret }),
    ...(keyFile === undefined
      ? {}
      : { jwtPublicKey: { pem: keyFile.content, algorithm, file: keyFile.path } }),
    ...(jwks === undefined ? {} : { jwks }),
    ...(keysFile === undefined ? {} : { apiKeys: parseApiKeys(keysFile.path, keysFile.content) }),
  };
}

/** `[{"name": "...", "sha256": "<64 hex>", "artists": [123]} | {"name": "...", "sha256": "...", "admin": true}]` */
function parseApiKeys(path: string, content: string): ApiKeyEntry[] {
  const invalid = (problem: string): never => {
    throw new FanbaseError('INVALID_OPTIONS', `FANBASE_API_KEYS_FILE (${path}) ${problem}`, {
      field: 'FANBASE_API_KEYS_FILE',
      file: path,
    });
  };
  let entries: unknown;
  try {
    entries = JSON.parse(content);
  } catch (error) {
    return invalid(`is not JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(entries)) return invalid('must be a JSON array of {name, sha256, artists | admin}');
  return entries.map((entry: Record<string, unknown>, i) => {
    const where = `entry ${i + 1}`;
    if (typeof entry?.name !== 'string' || entry.name === '')
      invalid(`${where}: "name" must be a non-empty string`);
    if (typeof entry.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(entry.sha256)) {
      invalid(`${where} (${entry.name}): "sha256" must be the key's SHA-256 in 64 lower-case hex digits`);
    }
    const artists = entry.artists ?? [];
    if (!Array.isArray(artists) || !artists.every((a) => Number.isSafeInteger(a) && a >= 0)) {
      invalid(`${where} (${entry.name}): "artists" must be a list of artist ids`);
    }
    const admin = entry.admin === true;
    if (!admin && (artists as number[]).length === 0) {
      invalid(`${where} (${entry.name}): grants nothing: give "artists" or "admin": true`);
    }
    return {
      name: entry.name as string,
      sha256: entry.sha256 as string,
      admin,
      artists: artists as number[],
    };
  });
}
