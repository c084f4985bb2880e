import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { rawRequest, readyServer } from '../../support/http.js';

const Refused = suite('answerRefusedRequests');

Refused('requests Koa never sees still get problems: bad HTTP, huge headers, Expect, CONNECT', async () => {
  const server = await readyServer();
  const raw = (text: string) => rawRequest(server.url, text);
  try {
    const garbage = await raw('GARBAGE\r\n\r\n');
    assert.match(garbage, /^HTTP\/1.1 400 Bad Request\r\n/);
    assert.match(garbage, /Content-Type: application\/problem\+json/);
    assert.match(garbage, /"status":400/);
    const big = await raw(`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    assert.match(big, /^HTTP\/1.1 431 /);
    assert.match(big, /"status":431/);
    const connectMethod = await raw('CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n');
    assert.match(connectMethod, /^HTTP\/1.1 405 /);
    for (const answer of [garbage, big, connectMethod]) {
      assert.match(answer, /\r\nX-Content-Type-Options: nosniff\r\n/);
      assert.match(answer, /\r\nCache-Control: no-store\r\n/);
    }
    const expect = await fetch(`${server.url}/fanbase`, {
      method: 'POST',
      body: '{"artist_id": 1}',
      headers: { Expect: 'something-else' },
    }).catch((error) => error);
    if (expect instanceof Response) {
      assert.is(expect.status, 417);
      assert.is(expect.headers.get('x-content-type-options'), 'nosniff');
      assert.is(((await expect.json()) as { status: number }).status, 417);
    }
    assert.ok(server.lines.some((l) => l.includes('request refused before routing')));
  } finally {
    await server.close();
  }
});

Refused.run();
