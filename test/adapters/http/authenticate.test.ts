import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CryptoKey, exportJWK, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import * as edge from '../../../fixtures/edge-cases/expected.js';
import { type AuthConfig, NO_AUTH, readAuthConfig } from '../../../src/adapters/http/auth-config.js';
import { expectFanbaseError } from '../../support/expect-error.js';
import { postFanbase, readyServer } from '../../support/http.js';

const SECRET = 'a-test-secret-of-at-least-32-bytes!!';
const A = 123; // an artist with fans in the edge cases
const B = 500; // another
const NOBODY = 999_999; // no such artist

const token = (claims: Record<string, unknown>, edit: (jwt: SignJWT) => SignJWT = (j) => j) =>
  edit(
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setAudience('fanbase')
      .setIssuedAt()
      .setExpirationTime('10m'),
  ).sign(new TextEncoder().encode(SECRET));

async function withServer(auth: AuthConfig, run: (url: string) => Promise<void>) {
  const server = await readyServer({ auth });
  try {
    await run(server.url);
    // nothing secret in the logs: no token, no key, no Authorization header
    const logs = server.lines.join('\n');
    assert.not.match(logs, /eyJ|Bearer|sk-test/);
  } finally {
    await server.close();
  }
}

const ask = (url: string, artist: number, headers: Record<string, string>) =>
  postFanbase(url, JSON.stringify({ artist_id: artist }), headers);

const Auth = suite('API authentication and per-artist access');

Auth('off by default: the specification curl works without credentials', async () => {
  await withServer(NO_AUTH, async (url) => {
    assert.is((await ask(url, A, {})).status, 200);
  });
});

Auth('a token for artist A reads A, gets 403 for B, and the 403 says nothing about B', async () => {
  await withServer({ ...NO_AUTH, jwtSecret: SECRET }, async (url) => {
    const bearer = { Authorization: `Bearer ${await token({ artists: [A] })}` };
    const mine = await ask(url, A, bearer);
    assert.is(mine.status, 200);
    assert.equal(
      mine.json,
      edge.SUMMARIES.find((s) => s.artist_id === A),
    );
    const other = await ask(url, B, bearer);
    const missing = await ask(url, NOBODY, bearer);
    assert.is(other.status, 403);
    assert.is(missing.status, 403);
    // the same answer for an artist with fans and for one that does not exist, but for the id asked
    assert.equal(
      { ...other.json, detail: other.json.detail.replace(String(B), 'X') },
      { ...missing.json, detail: missing.json.detail.replace(String(NOBODY), 'X') },
    );
    assert.is(other.headers.get('content-type'), 'application/problem+json');
  });
});

Auth('the admin scope reads every artist', async () => {
  await withServer({ ...NO_AUTH, jwtSecret: SECRET }, async (url) => {
    const bearer = { Authorization: `Bearer ${await token({ scope: 'openid fanbase:admin' })}` };
    assert.is((await ask(url, A, bearer)).status, 200);
    assert.is((await ask(url, B, bearer)).status, 200);
  });
});

Auth('401 with WWW-Authenticate for missing, malformed, expired, forged or foreign tokens', async () => {
  await withServer({ ...NO_AUTH, jwtSecret: SECRET, issuer: 'https://auth.example' }, async (url) => {
    const missing = await ask(url, A, {});
    assert.is(missing.status, 401);
    assert.is(missing.headers.get('www-authenticate'), 'Bearer realm="fanbase"');
    assert.match(missing.json.detail, /Authorization: Bearer <token>/);
    const issued = (j: SignJWT) => j.setIssuer('https://auth.example');
    const cases: [string, string, RegExp][] = [
      ['Basic dXNlcjpwYXNz', 'a Basic header', /Authorization header is not accepted/],
      [`Bearer ${await token({ artists: [A] })}`, 'no issuer', /"iss" claim/],
      [
        `Bearer ${await token({ artists: [A] }, (j) => issued(j).setExpirationTime(Math.floor(Date.now() / 1000) - 3600))}`,
        'expired an hour ago',
        /expired/,
      ],
      [
        `Bearer ${await token({ artists: [A] }, (j) => issued(j).setAudience('another-api'))}`,
        'another audience',
        /"aud" claim/,
      ],
      [
        `Bearer ${await new SignJWT({ artists: [A] })
          .setProtectedHeader({ alg: 'HS256' })
          .setAudience('fanbase')
          .setIssuer('https://auth.example')
          .setExpirationTime('10m')
          .sign(new TextEncoder().encode('another-secret-of-at-least-32-bytes!!'))}`,
        'signed with another secret',
        /signature does not verify/,
      ],
      [`Bearer ${await token({}, issued)}`, 'granting nothing', /grants no artist/],
      [
        `Bearer ${await token({ artists: ['123'] }, issued)}`,
        'ids as text',
        /"artists" claim must be a list/,
      ],
      ['Bearer not.a.jwt', 'garbage', /not a valid JWT/],
    ];
    for (const [authorization, what, reason] of cases) {
      const answer = await ask(url, A, { Authorization: authorization });
      assert.is(answer.status, 401, what);
      assert.is(
        answer.headers.get('www-authenticate'),
        'Bearer realm="fanbase", error="invalid_token"',
        what,
      );
      assert.match(answer.json.detail, reason, what);
    }
    const good = `Bearer ${await token({ artists: [A] }, issued)}`;
    assert.is((await ask(url, A, { Authorization: good })).status, 200);
  });
});

Auth('public keys: RS256 from a PEM file and EdDSA from a JWKS file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fanbase-keys-'));
  const rsa = await generateKeyPair('RS256');
  const ed = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  writeFileSync(join(dir, 'rsa.pem'), await exportSPKI(rsa.publicKey));
  writeFileSync(
    join(dir, 'jwks.json'),
    JSON.stringify({ keys: [{ ...(await exportJWK(ed.publicKey)), kid: 'k1', alg: 'EdDSA' }] }),
  );
  const sign = (alg: string, key: CryptoKey, kid?: string) =>
    new SignJWT({ artists: [A] })
      .setProtectedHeader({ alg, ...(kid ? { kid } : {}) })
      .setAudience('fanbase')
      .setExpirationTime('10m')
      .sign(key);
  const pem = readAuthConfig({ FANBASE_JWT_PUBLIC_KEY_FILE: join(dir, 'rsa.pem') });
  await withServer(pem, async (url) => {
    assert.is(
      (await ask(url, A, { Authorization: `Bearer ${await sign('RS256', rsa.privateKey)}` })).status,
      200,
    );
    // an HS256 token signed with the public key as secret (the classic confusion) is refused
    const confused = await new SignJWT({ artists: [A] })
      .setProtectedHeader({ alg: 'HS256' })
      .setAudience('fanbase')
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(await exportSPKI(rsa.publicKey)));
    assert.is((await ask(url, A, { Authorization: `Bearer ${confused}` })).status, 401);
  });
  const jwks = readAuthConfig({ FANBASE_JWKS_FILE: join(dir, 'jwks.json') });
  await withServer(jwks, async (url) => {
    assert.is(
      (await ask(url, A, { Authorization: `Bearer ${await sign('EdDSA', ed.privateKey, 'k1')}` })).status,
      200,
    );
    assert.is(
      (await ask(url, B, { Authorization: `Bearer ${await sign('EdDSA', ed.privateKey, 'k1')}` })).status,
      403,
    );
    const rsaToken = await sign('RS256', rsa.privateKey, 'k1');
    assert.is((await ask(url, A, { Authorization: `Bearer ${rsaToken}` })).status, 401);
  });
});

Auth('API keys are stored as hashes, and grant their artists', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fanbase-apikeys-'));
  const sha = (key: string) => createHash('sha256').update(key).digest('hex');
  writeFileSync(
    join(dir, 'keys.json'),
    JSON.stringify([
      { name: 'label-a', sha256: sha('sk-test-artist-a'), artists: [A] },
      { name: 'ops', sha256: sha('sk-test-ops'), admin: true },
    ]),
  );
  const auth = readAuthConfig({ FANBASE_API_KEYS_FILE: join(dir, 'keys.json') });
  await withServer(auth, async (url) => {
    assert.is((await ask(url, A, { 'X-API-Key': 'sk-test-artist-a' })).status, 200);
    assert.is((await ask(url, B, { 'X-API-Key': 'sk-test-artist-a' })).status, 403);
    assert.is((await ask(url, B, { 'X-API-Key': 'sk-test-ops' })).status, 200);
    const wrong = await ask(url, A, { 'X-API-Key': 'sk-test-guess' });
    assert.is(wrong.status, 401);
    assert.match(wrong.json.detail, /API key is not known/);
    // no JWT verifier configured: a bearer token is refused, not ignored
    assert.is((await ask(url, A, { Authorization: `Bearer ${await token({ artists: [A] })}` })).status, 401);
  });
});

Auth(
  'an API key file with the hash of an empty key, or a hash or a name twice, is refused at start',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fanbase-apikeys-'));
    const sha = (key: string) => createHash('sha256').update(key).digest('hex');
    const file = (entries: unknown[]) => {
      const path = join(dir, `keys-${Math.random()}.json`);
      writeFileSync(path, JSON.stringify(entries));
      return { FANBASE_API_KEYS_FILE: path };
    };
    // printf %s "$KEY" | sha256sum with $KEY unset
    await expectFanbaseError(
      () => readAuthConfig(file([{ name: 'label-a', sha256: sha(''), artists: [A] }])),
      'INVALID_OPTIONS',
      /entry 1 \(label-a\): "sha256" is the SHA-256 of an empty key/,
    );
    await expectFanbaseError(
      () =>
        readAuthConfig(
          file([
            { name: 'label-a', sha256: sha('k1'), artists: [A] },
            { name: 'ops', sha256: sha('k2'), admin: true },
            { name: 'label-b', sha256: sha('k1'), artists: [B] },
          ]),
        ),
      'INVALID_OPTIONS',
      /entries 1 and 3 have the same "sha256"/,
    );
    await expectFanbaseError(
      () =>
        readAuthConfig(
          file([
            { name: 'label-a', sha256: sha('k1'), artists: [A] },
            { name: 'label-a', sha256: sha('k2'), artists: [B] },
          ]),
        ),
      'INVALID_OPTIONS',
      /entries 1 and 2 have the same "name"/,
    );
  },
);

Auth('an empty X-API-Key header is refused, even against a stored hash of the empty key', async () => {
  const sha = (key: string) => createHash('sha256').update(key).digest('hex');
  // built by hand: readAuthConfig refuses such an entry, the authenticator refuses the empty header anyway
  const auth = { ...NO_AUTH, apiKeys: [{ name: 'empty', sha256: sha(''), admin: true, artists: [] }] };
  await withServer(auth, async (url) => {
    for (const empty of ['', ' ']) {
      const answer = await ask(url, A, { 'X-API-Key': empty });
      assert.is(answer.status, 401, JSON.stringify(empty));
      assert.match(answer.json.detail, /the X-API-Key header is empty/);
    }
  });
});

Auth('a token must expire, and within FANBASE_JWT_MAX_LIFETIME', async () => {
  const sign = (edit: (jwt: SignJWT) => SignJWT) =>
    edit(new SignJWT({ artists: [A] }).setProtectedHeader({ alg: 'HS256' }).setAudience('fanbase')).sign(
      new TextEncoder().encode(SECRET),
    );
  const now = Math.floor(Date.now() / 1000);
  await withServer({ ...NO_AUTH, jwtSecret: SECRET }, async (url) => {
    const forever = await ask(url, A, { Authorization: `Bearer ${await sign((j) => j.setIssuedAt())}` });
    assert.is(forever.status, 401);
    assert.match(forever.json.detail, /no "exp" claim: tokens must expire/);
    // the default maximum is a day: 2 days from issue is refused, with iat or without
    for (const edit of [
      (j: SignJWT) => j.setIssuedAt().setExpirationTime('48h'),
      (j: SignJWT) => j.setExpirationTime(now + 2 * 86_400),
      // issued a day and a half ago, expiring in an hour: it lived 37 h
      (j: SignJWT) => j.setIssuedAt(now - 36 * 3600).setExpirationTime(now + 3600),
    ]) {
      const long = await ask(url, A, { Authorization: `Bearer ${await sign(edit)}` });
      assert.is(long.status, 401);
      assert.match(long.json.detail, /lives longer than the 24h allowed \(FANBASE_JWT_MAX_LIFETIME\)/);
    }
    const day = await sign((j) => j.setIssuedAt().setExpirationTime('24h'));
    assert.is((await ask(url, A, { Authorization: `Bearer ${day}` })).status, 200);
  });
  const week = readAuthConfig({ FANBASE_JWT_SECRET: SECRET, FANBASE_JWT_MAX_LIFETIME: '7d' });
  assert.is(week.maxLifetimeSeconds, 7 * 86_400);
  await withServer(week, async (url) => {
    const twoDays = await sign((j) => j.setIssuedAt().setExpirationTime('48h'));
    assert.is((await ask(url, A, { Authorization: `Bearer ${twoDays}` })).status, 200);
  });
  await expectFanbaseError(
    () => readAuthConfig({ FANBASE_JWT_SECRET: SECRET, FANBASE_JWT_MAX_LIFETIME: 'forever' }),
    'INVALID_OPTIONS',
    /FANBASE_JWT_MAX_LIFETIME must be a duration/,
  );
});

Auth(
  'a public key of another type than FANBASE_JWT_ALGORITHM, or a private JWK, is refused at start',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fanbase-keys-'));
    const rsa = await generateKeyPair('RS256');
    const ec = await generateKeyPair('ES256', { extractable: true });
    writeFileSync(join(dir, 'rsa.pem'), await exportSPKI(rsa.publicKey));
    writeFileSync(join(dir, 'ec.pem'), await exportSPKI(ec.publicKey));
    await expectFanbaseError(
      () =>
        readAuthConfig({ FANBASE_JWT_PUBLIC_KEY_FILE: join(dir, 'rsa.pem'), FANBASE_JWT_ALGORITHM: 'ES256' }),
      'INVALID_OPTIONS',
      /FANBASE_JWT_ALGORITHM is ES256, .* holds a key of type rsa: set FANBASE_JWT_ALGORITHM=RS256/,
    );
    await expectFanbaseError(
      () => readAuthConfig({ FANBASE_JWT_PUBLIC_KEY_FILE: join(dir, 'ec.pem') }),
      'INVALID_OPTIONS',
      /FANBASE_JWT_ALGORITHM is RS256, .* set FANBASE_JWT_ALGORITHM=ES256/,
    );
    assert.is(
      readAuthConfig({ FANBASE_JWT_PUBLIC_KEY_FILE: join(dir, 'ec.pem'), FANBASE_JWT_ALGORITHM: 'ES256' })
        .jwtPublicKey?.algorithm,
      'ES256',
    );
    writeFileSync(
      join(dir, 'private.json'),
      JSON.stringify({ keys: [{ ...(await exportJWK(ec.privateKey)), kid: 'k1' }] }),
    );
    await expectFanbaseError(
      () => readAuthConfig({ FANBASE_JWKS_FILE: join(dir, 'private.json') }),
      'INVALID_OPTIONS',
      /FANBASE_JWKS_FILE .*: key 1 \(kid k1\) holds a private key/,
    );
  },
);

Auth.run();
