import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { authEnabled, readAuthConfig } from '../../../src/adapters/http/auth-config.js';
import { expectFanbaseError } from '../../support/expect-error.js';

const SECRET = 'a-test-secret-of-at-least-32-bytes!!';
const Auth = suite('readAuthConfig');

Auth('off without any variable; on with a secret, a key file, a key set or API keys', () => {
  assert.equal(readAuthConfig({}), { audience: 'fanbase', maxLifetimeSeconds: 86_400 });
  assert.not.ok(authEnabled(readAuthConfig({ FANBASE_JWT_AUDIENCE: 'x', FANBASE_JWT_ISSUER: 'y' })));
  assert.ok(authEnabled(readAuthConfig({ FANBASE_JWT_SECRET: SECRET })));
  const dir = mkdtempSync(join(tmpdir(), 'fanbase-authconfig-'));
  writeFileSync(
    join(dir, 'keys.json'),
    JSON.stringify([{ name: 'ops', sha256: 'a'.repeat(64), admin: true }]),
  );
  assert.equal(readAuthConfig({ FANBASE_API_KEYS_FILE: join(dir, 'keys.json') }).apiKeys, [
    { name: 'ops', sha256: 'a'.repeat(64), admin: true, artists: [] },
  ]);
});

Auth('mistakes name the variable to fix', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fanbase-badauth-'));
  writeFileSync(join(dir, 'not-a-key.pem'), 'hello');
  writeFileSync(join(dir, 'keys.json'), JSON.stringify([{ name: 'x', sha256: 'abc', artists: [1] }]));
  const cases: [NodeJS.ProcessEnv, RegExp][] = [
    [{ FANBASE_JWT_SECRET: 'short' }, /FANBASE_JWT_SECRET must be at least 32 bytes/],
    [{ FANBASE_JWT_SECRET: SECRET, FANBASE_JWKS_FILE: join(dir, 'keys.json') }, /FANBASE_JWKS_FILE/],
    [
      { FANBASE_JWT_PUBLIC_KEY_FILE: join(dir, 'missing.pem') },
      /FANBASE_JWT_PUBLIC_KEY_FILE names .* cannot be read \(ENOENT\)/,
    ],
    [{ FANBASE_JWT_PUBLIC_KEY_FILE: join(dir, 'not-a-key.pem') }, /must hold a PEM public key/],
    [{ FANBASE_JWT_ALGORITHM: 'none' }, /FANBASE_JWT_ALGORITHM must be one of RS256, ES256, EdDSA/],
    [{ FANBASE_API_KEYS_FILE: join(dir, 'keys.json') }, /entry 1 \(x\): "sha256" must be/],
  ];
  for (const [env, message] of cases) {
    await expectFanbaseError(() => readAuthConfig(env), 'INVALID_OPTIONS', message);
  }
});

Auth.run();
