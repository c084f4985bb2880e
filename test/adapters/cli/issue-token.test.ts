import { jwtVerify } from 'jose';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { issueToken, parseDuration } from '../../../src/adapters/cli/issue-token.js';
import { NO_AUTH } from '../../../src/adapters/http/auth-config.js';
import { createAuthenticator } from '../../../src/adapters/http/authenticate.js';
import { expectFanbaseError } from '../../support/expect-error.js';

const SECRET = 'a-test-secret-of-at-least-32-bytes!!';
const A = 123;
const Token = suite('issueToken');

Token('signs what the API accepts: artists, subject, audience, issuer, expiry', async () => {
  const before = Math.floor(Date.now() / 1000);
  const issued = await issueToken({
    artists: [A, 7],
    admin: false,
    expiresIn: 600,
    subject: 'label-a',
    secret: SECRET,
    audience: 'fanbase',
    issuer: 'https://ops.example',
  });
  const { payload, protectedHeader } = await jwtVerify(issued, new TextEncoder().encode(SECRET));
  assert.is(protectedHeader.alg, 'HS256');
  assert.equal(payload.artists, [A, 7]);
  assert.is(payload.sub, 'label-a');
  assert.is(payload.aud, 'fanbase');
  assert.is(payload.iss, 'https://ops.example');
  assert.ok((payload.exp as number) - before >= 600 && (payload.exp as number) - before <= 602);
  assert.is(payload.scope, undefined);
  const authenticate = await createAuthenticator({
    ...NO_AUTH,
    issuer: 'https://ops.example',
    jwtSecret: SECRET,
  });
  const grant = (await authenticate?.({ authorization: `Bearer ${issued}` }))?.grant;
  assert.equal([...(grant?.artists ?? [])], [A, 7]);
  assert.is(grant?.admin, false);
  const admin = await issueToken({
    artists: [],
    admin: true,
    expiresIn: 60,
    subject: 'ops',
    secret: SECRET,
    audience: 'fanbase',
    issuer: undefined,
  });
  assert.is((await jwtVerify(admin, new TextEncoder().encode(SECRET))).payload.scope, 'fanbase:admin');
});

Token('refuses a token that grants nothing, and durations it cannot read', async () => {
  await expectFanbaseError(
    () =>
      issueToken({
        artists: [],
        admin: false,
        expiresIn: 60,
        subject: 's',
        secret: SECRET,
        audience: 'fanbase',
        issuer: undefined,
      }),
    'INVALID_ARGUMENT',
    /--artists 123,456 or --admin/,
  );
  assert.equal(
    ['90', '90s', '15m', '12h', '30d'].map((d) => parseDuration(d, '--expires-in')),
    [90, 90, 900, 43_200, 2_592_000],
  );
  for (const bad of ['', '0', '1w', '-5m', '400d', 'soon']) {
    await expectFanbaseError(
      () => parseDuration(bad, '--expires-in'),
      'INVALID_ARGUMENT',
      /--expires-in must be a duration/,
    );
  }
});

Token.run();
