import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readJsonBody } from '../../../src/adapters/http/read-json-body.js';
import { expectFanbaseError } from '../../support/expect-error.js';

function request(body: string, headers: Record<string, string> = {}): IncomingMessage {
  const stream = Readable.from([Buffer.from(body)]) as unknown as IncomingMessage;
  stream.headers = headers;
  return stream;
}

const Read = suite('readJsonBody');

Read('parses JSON whatever the content type', async () => {
  assert.equal(
    await readJsonBody(
      request('{"artist_id": 1}', { 'content-type': 'application/x-www-form-urlencoded' }),
      64,
    ),
    {
      artist_id: 1,
    },
  );
  assert.equal(await readJsonBody(request(' [1] '), 64), [1]);
});

Read('refuses empty, malformed, oversized and compressed bodies with the right code', async () => {
  await expectFanbaseError(() => readJsonBody(request('  '), 64), 'INVALID_REQUEST', /the body is empty/);
  await expectFanbaseError(() => readJsonBody(request('{'), 64), 'INVALID_REQUEST', /not valid JSON/);
  await expectFanbaseError(
    () => readJsonBody(request('x'.repeat(100)), 64),
    'PAYLOAD_TOO_LARGE',
    /over 64 bytes/,
  );
  await expectFanbaseError(
    () => readJsonBody(request('{}', { 'content-length': '1000' }), 64),
    'PAYLOAD_TOO_LARGE',
    /over 64 bytes/,
  );
  await expectFanbaseError(
    () => readJsonBody(request('{}', { 'content-encoding': 'br' }), 64),
    'UNSUPPORTED_ENCODING',
    /br/,
  );
});

Read.run();
