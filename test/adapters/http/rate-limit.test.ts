import { SignJWT } from 'jose';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createRateLimit, RateLimited } from '../../../src/adapters/http/rate-limit.js';
import { postFanbase, readyServer } from '../../support/http.js';

const Limit = suite('rate limiting');

Limit('off at 0; otherwise the request over the limit is refused with the seconds to wait', async () => {
  assert.is(createRateLimit({ requests: 0, windowSeconds: 60 }), null);
  const limit = createRateLimit({ requests: 2, windowSeconds: 60 });
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
    const open = await readyServer({ rateLimit: { requests: 3, windowSeconds: 60 } });
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
      rateLimit: { requests: 2, windowSeconds: 60 },
      auth: { audience: 'fanbase', jwtSecret: secret },
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

Limit.run();
