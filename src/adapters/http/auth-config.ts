import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { durationSeconds } from '../../domain/duration.js';
import { invalidOptions } from '../../domain/errors.js';

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
  /** The longest a token may live (`exp` after `iat`, or after now without `iat`), in seconds. */
  maxLifetimeSeconds: number;
  apiKeys?: ApiKeyEntry[];
}

/** FANBASE_JWT_MAX_LIFETIME's default: a day, as an identity provider's access tokens (an hour) fit in it. */
export const DEFAULT_MAX_LIFETIME_SECONDS = 86_400;

export const NO_AUTH: AuthConfig = { audience: 'fanbase', maxLifetimeSeconds: DEFAULT_MAX_LIFETIME_SECONDS };

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
    throw invalidOptions(`${name} ${problem}`, { field: name });
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
  if (keyFile) checkKeyAlgorithm(keyFile.path, keyFile.content, algorithm);
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
    (parsed.keys as unknown[]).forEach((key, i) => {
      checkJwk(jwksFile.path, key, i);
    });
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
  const maxLifetimeSeconds = readMaxLifetime(env);
  return {
    audience: text('FANBASE_JWT_AUDIENCE') ?? 'fanbase',
    maxLifetimeSeconds,
    ...(issuer === undefined ? {} : { issuer }),
    ...(jwtSecret === undefined ? {} : { jwtSecret }),
    ...(keyFile === undefined
      ? {}
      : { jwtPublicKey: { pem: keyFile.content, algorithm, file: keyFile.path } }),
    ...(jwks === undefined ? {} : { jwks }),
    ...(keysFile === undefined ? {} : { apiKeys: parseApiKeys(keysFile.path, keysFile.content) }),
  };
}

/** FANBASE_JWT_MAX_LIFETIME in seconds: the longest lifetime of a token the API accepts (default a day). */
export function readMaxLifetime(env: NodeJS.ProcessEnv): number {
  const lifetime = env.FANBASE_JWT_MAX_LIFETIME?.trim() || undefined;
  if (lifetime === undefined) return DEFAULT_MAX_LIFETIME_SECONDS;
  const seconds = durationSeconds(lifetime);
  if (seconds === undefined) {
    throw invalidOptions(
      `FANBASE_JWT_MAX_LIFETIME must be a duration like 15m, 12h or 30d (at most a year), got "${lifetime}"`,
      { field: 'FANBASE_JWT_MAX_LIFETIME' },
    );
  }
  return seconds;
}

/** `[{"name": "...", "sha256": "<64 hex>", "artists": [123]} | {"name": "...", "sha256": "...", "admin": true}]` */
function parseApiKeys(path: string, content: string): ApiKeyEntry[] {
  const invalid = (problem: string): never => {
    throw invalidOptions(`FANBASE_API_KEYS_FILE (${path}) ${problem}`, {
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
  const parsed = entries.map((entry: Record<string, unknown>, i) => {
    const where = `entry ${i + 1}`;
    if (typeof entry?.name !== 'string' || entry.name === '')
      invalid(`${where}: "name" must be a non-empty string`);
    if (typeof entry.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(entry.sha256)) {
      invalid(`${where} (${entry.name}): "sha256" must be the key's SHA-256 in 64 lower-case hex digits`);
    }
    if (entry.sha256 === EMPTY_KEY_SHA256) {
      // what `printf %s "$KEY" | sha256sum` prints when $KEY is unset: accepting it grants an empty header
      invalid(
        `${where} (${entry.name}): "sha256" is the SHA-256 of an empty key (was the key's variable unset when it was hashed?): hash the real key`,
      );
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
  // one key, one client: a hash listed twice would give one key two grants; a name twice, one rate budget
  for (const field of ['sha256', 'name'] as const) {
    const first = new Map<string, number>();
    parsed.forEach((entry, i) => {
      const earlier = first.get(entry[field]);
      if (earlier !== undefined) {
        invalid(
          `entries ${earlier + 1} and ${i + 1} have the same ${JSON.stringify(field)}: give each client its own key and name`,
        );
      }
      first.set(entry[field], i);
    });
  }
  return parsed;
}

/** SHA-256 of the empty string. */
const EMPTY_KEY_SHA256 = createHash('sha256').update('').digest('hex');

/** The key types each algorithm verifies with (as node:crypto names them), and a name for messages. */
const KEY_TYPES: Record<string, { types: string[]; curve?: string; name: string }> = {
  RS256: { types: ['rsa'], name: 'an RSA key' },
  ES256: { types: ['ec'], curve: 'prime256v1', name: 'an EC P-256 key' },
  EdDSA: { types: ['ed25519', 'ed448'], name: 'an Ed25519 or Ed448 key' },
};

/** The algorithm that verifies with this key, for a message that says what to set. */
function algorithmFor(key: KeyObject): string | undefined {
  const type = key.asymmetricKeyType ?? '';
  const curve = key.asymmetricKeyDetails?.namedCurve;
  return Object.entries(KEY_TYPES).find(
    ([, want]) => want.types.includes(type) && (want.curve === undefined || want.curve === curve),
  )?.[0];
}

/** A PEM key must be of the type FANBASE_JWT_ALGORITHM verifies with: caught at start, named, exit 2. */
function checkKeyAlgorithm(path: string, pem: string, algorithm: string): void {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (error) {
    throw invalidOptions(
      `FANBASE_JWT_PUBLIC_KEY_FILE (${path}) is not a readable PEM public key: ${(error as Error).message}`,
      { field: 'FANBASE_JWT_PUBLIC_KEY_FILE', file: path },
    );
  }
  const fits = algorithmFor(key);
  if (fits === algorithm) return;
  const want = KEY_TYPES[algorithm] as { name: string };
  const held = `${key.asymmetricKeyType}${key.asymmetricKeyDetails?.namedCurve ? ` ${key.asymmetricKeyDetails.namedCurve}` : ''}`;
  throw invalidOptions(
    `FANBASE_JWT_ALGORITHM is ${algorithm}, which verifies with ${want.name}, but FANBASE_JWT_PUBLIC_KEY_FILE (${path}) holds a key of type ${held}: ${fits ? `set FANBASE_JWT_ALGORITHM=${fits}` : 'give an RSA, EC P-256 or Ed25519 public key'}`,
    { field: 'FANBASE_JWT_ALGORITHM', file: path },
  );
}

/** Each key of a JWKS must be a public key node:crypto can read: checked at start, not at the first token. */
function checkJwk(path: string, key: unknown, index: number): void {
  const label = `key ${index + 1}${typeof (key as { kid?: unknown })?.kid === 'string' ? ` (kid ${(key as { kid: string }).kid})` : ''}`;
  const invalid = (problem: string): never => {
    throw invalidOptions(`FANBASE_JWKS_FILE (${path}): ${label} ${problem}`, {
      field: 'FANBASE_JWKS_FILE',
      file: path,
    });
  };
  if (typeof key !== 'object' || key === null) invalid('is not a JSON Web Key object');
  if ('d' in (key as object)) invalid('holds a private key ("d"): publish the public keys only');
  let imported: KeyObject;
  try {
    imported = createPublicKey({ key: key as never, format: 'jwk' });
  } catch (error) {
    invalid(`is not a usable public key: ${(error as Error).message}`);
    return;
  }
  if (algorithmFor(imported) === undefined) {
    invalid(`is a key of type ${imported.asymmetricKeyType}: give RSA, EC P-256 or Ed25519 keys`);
  }
}
