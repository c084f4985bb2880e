import fc from 'fast-check';
import { SignJWT } from 'jose';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { NO_AUTH } from '../../../src/adapters/http/auth-config.js';
import { readyServer } from '../../support/http.js';

/**
 * Property-based fuzzing of POST /fanbase (issue 7): generated bodies, headers and tokens, 10,000 requests a
 * run with authentication on, and the same bodies with it off. Whatever is sent: no 5xx, the process stays
 * up, and every answer is JSON of a documented shape.
 */
const SECRET = 'a-fuzzing-secret-of-at-least-32-bytes';
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const FANBASE_KEYS = ['success', 'artist_id', 'total_fans', 'fans_median_age', 'fans_top_countries'];
const PROBLEM_KEYS = ['type', 'title', 'status', 'detail'];
const EXPECTED = new Set([200, 400, 401, 403, 413, 415]);

const printable = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 80,
});

const artistId = fc.oneof(
  { arbitrary: fc.constantFrom(7, 10, 11, 123, 200, 300, 400, 500), weight: 6 },
  fc.integer({ min: 0, max: 1000 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(-1, 2 ** 53, 2 ** 53 - 1, 1e308, -0, 0.5),
  fc.string(),
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.integer(), { maxLength: 3 }),
);

const body = fc.oneof(
  artistId.map((id) => JSON.stringify({ artist_id: id })),
  fc
    .record({ artist_id: artistId, extra: fc.jsonValue() }, { requiredKeys: [] })
    .map((o) => JSON.stringify(o)),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
  fc.constantFrom(
    '',
    '{',
    '{"artist_id": 123',
    '{"__proto__": {"artist_id": 1}}',
    '\uFEFF{"artist_id": 123}',
    'x'.repeat(2000),
  ),
);

const jwt = fc
  .record({
    artists: fc.oneof(
      { arbitrary: fc.array(fc.constantFrom(7, 10, 123, 500, 999), { maxLength: 3 }), weight: 4 },
      fc.jsonValue(),
    ),
    scope: fc.oneof(fc.constant('fanbase:admin'), printable),
    expiresIn: fc.integer({ min: -600, max: 7200 }),
    audience: fc.constantFrom('fanbase', 'fanbase', 'fanbase', 'other'),
    secret: fc.constantFrom(SECRET, SECRET, SECRET, 'a-wrong-secret-which-is-also-long-enough'),
  })
  .map(async (t) =>
    new SignJWT({ artists: t.artists, scope: t.scope })
      .setProtectedHeader({ alg: 'HS256' })
      .setAudience(t.audience)
      .setExpirationTime(Math.floor(Date.now() / 1000) + t.expiresIn)
      .sign(new TextEncoder().encode(t.secret)),
  );

const headers = fc.record(
  {
    'content-type': fc.oneof(
      fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'),
      printable,
    ),
    'content-encoding': fc.constantFrom('identity', 'gzip', 'br', 'x'),
    'x-request-id': printable,
    authorization: fc.oneof(
      printable,
      printable.map((s) => `Bearer ${s}`),
    ),
    'x-api-key': printable,
  },
  { requiredKeys: [] },
);

async function fuzz(auth: boolean) {
  const server = await readyServer(auth ? { auth: { ...NO_AUTH, jwtSecret: SECRET } } : {});
  const seen = new Map<number, number>();
  try {
    await fc.assert(
      fc.asyncProperty(body, headers, fc.option(jwt, { freq: 3 }), async (sent, sentHeaders, token) => {
        const all: Record<string, string> = { ...sentHeaders };
        if (token) all.authorization = `Bearer ${await token}`;
        const response = await fetch(`${server.url}/fanbase`, { method: 'POST', body: sent, headers: all });
        const text = await response.text();
        seen.set(response.status, (seen.get(response.status) ?? 0) + 1);
        if (!EXPECTED.has(response.status)) return false;
        const json = JSON.parse(text);
        if (response.status === 200)
          return JSON.stringify(Object.keys(json)) === JSON.stringify(FANBASE_KEYS);
        return (
          JSON.stringify(Object.keys(json)) === JSON.stringify(PROBLEM_KEYS) &&
          json.status === response.status
        );
      }),
      { numRuns: RUNS },
    );
    // the server is still up and right
    const health = await fetch(`${server.url}/health`);
    assert.is(health.status, 200);
  } finally {
    await server.close();
  }
  return seen;
}

const Fuzz = suite('POST /fanbase under generated input');

Fuzz(`${RUNS} generated requests with authentication on: no 5xx, documented shapes only`, async () => {
  const seen = await fuzz(true);
  // the generators reach the interesting answers, not only 400s
  for (const status of [200, 400, 401, 403])
    assert.ok((seen.get(status) ?? 0) > 0, `no ${status} in ${[...seen]}`);
});

Fuzz(`${RUNS} generated requests with authentication off`, async () => {
  const seen = await fuzz(false);
  for (const status of [200, 400, 415])
    assert.ok((seen.get(status) ?? 0) > 0, `no ${status} in ${[...seen]}`);
});

Fuzz.run();
