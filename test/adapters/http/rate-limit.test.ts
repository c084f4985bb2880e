import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { NO_AUTH, readAuthConfig } from '../../../src/adapters/http/auth-config.js';
import { createRateLimit, RateLimited } from '../../../src/adapters/http/rate-limit.js';
import { postFanbase, readyServer } from '../../support/http.js';

const Limit = suite('rate limiting');

Limit('off at 0; otherwise the request over the limit is refused with the seconds to wait', async () => {
  assert.is(createRateLimit({ requests: 0, windowSeconds: 60, authFailures: 0 }), null);
  const limit = createRateLimit({ requests: 2, windowSeconds: 60, authFailures: 0 });
  await limit?.('a');
  await limit?.('a');
  await limit?.('b'); // another client has its own budget
  let refused: unknown;
  await limit?.('a').catch((error) => {
    refused = error;
  });
  assert.ok(refused instanceof RateLimited);
  assert.is((refused as RateLimited).code, 'RATE_LIMITED');
  assert.ok(
    (refused as RateLimited).retryAfterSeconds >= 59 && (refused as RateLimited).retryAfterSeconds <= 60,
  );
  assert.match((refused as RateLimited).message, /more than 2 requests in 60 s/);
});

Limit(
  'the API answers 429 with Retry-After, per address, or per token when authentication is on',
  async () => {
    const open = await readyServer({ rateLimit: { requests: 3, windowSeconds: 60, authFailures: 0 } });
    try {
      for (let i = 0; i < 3; i++) assert.is((await postFanbase(open.url, '{"artist_id": 123}')).status, 200);
      const refused = await postFanbase(open.url, '{"artist_id": 123}');
      assert.is(refused.status, 429);
      assert.is(refused.headers.get('retry-after'), '60');
      assert.is(refused.json.title, 'Too many requests');
      assert.is((await fetch(`${open.url}/health`)).status, 200); // only POST /fanbase counts
    } finally {
      await open.close();
    }
    const secret = 'a-test-secret-of-at-least-32-bytes!!';
    const token = (sub: string) =>
      new SignJWT({ artists: [123] })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(sub)
        .setAudience('fanbase')
        .setExpirationTime('10m')
        .sign(new TextEncoder().encode(secret));
    const authed = await readyServer({
      rateLimit: { requests: 2, windowSeconds: 60, authFailures: 0 },
      auth: { ...NO_AUTH, jwtSecret: secret },
    });
    try {
      const label = { Authorization: `Bearer ${await token('label-a')}` };
      const other = { Authorization: `Bearer ${await token('label-b')}` };
      const ask = (headers: Record<string, string>) => postFanbase(authed.url, '{"artist_id": 123}', headers);
      assert.equal(
        [(await ask(label)).status, (await ask(label)).status, (await ask(label)).status],
        [200, 200, 429],
      );
      assert.is((await ask(other)).status, 200); // the same address, another token: its own budget
    } finally {
      await authed.close();
    }
  },
);

Limit('failed authentications are limited per address, before any credential is checked', async () => {
  const secret = 'a-test-secret-of-at-least-32-bytes!!';
  const good = await new SignJWT({ artists: [123] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('label-a')
    .setAudience('fanbase')
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(secret));
  const server = await readyServer({
    // the per-client limit off: only failures count
    rateLimit: { requests: 0, windowSeconds: 60, authFailures: 3 },
    auth: { ...NO_AUTH, jwtSecret: secret },
  });
  try {
    const ask = (token: string) =>
      postFanbase(server.url, '{"artist_id": 123}', { Authorization: `Bearer ${token}` });
    assert.is((await ask(good)).status, 200, 'a success counts nothing');
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await ask(`not.a.token${i}`)).status);
    assert.equal(statuses, [401, 401, 401, 429, 429]);
    // the address is refused before its credentials are looked at: a good token too, until the window ends
    const refused = await ask(good);
    assert.is(refused.status, 429);
    assert.match(refused.json.detail, /more than 3 failed authentications in 60 s from this address/);
    assert.ok(Number(refused.headers.get('retry-after')) >= 59);
  } finally {
    await server.close();
  }
});

Limit(
  'buckets are per credential: an API key and a JWT of the same name, tokens without sub, issuers',
  async () => {
    const secret = 'a-test-secret-of-at-least-32-bytes!!';
    const dir = mkdtempSync(join(tmpdir(), 'fanbase-buckets-'));
    writeFileSync(
      join(dir, 'keys.json'),
      JSON.stringify([
        { name: 'label-a', sha256: createHash('sha256').update('sk-a').digest('hex'), artists: [123] },
      ]),
    );
    const auth = { ...readAuthConfig({ FANBASE_API_KEYS_FILE: join(dir, 'keys.json') }), jwtSecret: secret };
    const jwt = (edit: (j: SignJWT) => SignJWT, artists = [123]) =>
      edit(new SignJWT({ artists }).setProtectedHeader({ alg: 'HS256' }).setAudience('fanbase'))
        .setExpirationTime('10m')
        .sign(new TextEncoder().encode(secret));
    // one request each per window: a second one on any shared bucket would be refused
    const server = await readyServer({
      rateLimit: { requests: 1, windowSeconds: 60, authFailures: 0 },
      auth,
    });
    try {
      const ask = (headers: Record<string, string>) => postFanbase(server.url, '{"artist_id": 123}', headers);
      const bearer = async (token: Promise<string>) => ({ Authorization: `Bearer ${await token}` });
      const statuses = [
        (await ask({ 'X-API-Key': 'sk-a' })).status,
        // a token whose sub is the API key's name
        (await ask(await bearer(jwt((j) => j.setSubject('label-a'))))).status,
        // the same sub from another issuer
        (await ask(await bearer(jwt((j) => j.setSubject('label-a').setIssuer('https://other.example')))))
          .status,
        // two tokens without sub
        (await ask(await bearer(jwt((j) => j, [123])))).status,
        (await ask(await bearer(jwt((j) => j, [123, 7])))).status,
      ];
      assert.equal(statuses, [200, 200, 200, 200, 200]);
      // and each bucket does count: the API key again is over its one request
      assert.is((await ask({ 'X-API-Key': 'sk-a' })).status, 429);
    } finally {
      await server.close();
    }
  },
);

Limit.run();
