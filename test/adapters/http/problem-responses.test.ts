import Koa from 'koa';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { problemResponses } from '../../../src/adapters/http/problem-responses.js';
import { FanbaseError } from '../../../src/domain/errors.js';
import { memoryLogger } from '../../support/http.js';

const Problems = suite('problemResponses');

Problems('unexpected errors answer 500 without detail and are logged with the request id', async () => {
  const { logger, lines } = memoryLogger();
  const app = new Koa();
  app.silent = true;
  app.use(async (ctx, next) => {
    ctx.state.requestId = 'req-9';
    await next();
  });
  app.use(problemResponses(logger));
  app.use((ctx) => {
    if (ctx.path === '/bug') throw new TypeError('cannot read x of undefined');
    if (ctx.path === '/bad') throw new FanbaseError('INVALID_REQUEST', 'artist_id is missing');
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as { port: number };
  try {
    const bug = await fetch(`http://127.0.0.1:${port}/bug`);
    assert.is(bug.status, 500);
    const body = (await bug.json()) as { detail: string };
    assert.not.match(body.detail, /undefined/);
    assert.match(lines.join('\n'), /"request_id":"req-9".*"msg":"request failed"/);
    assert.match(lines.join('\n'), /cannot read x of undefined/);
    const bad = await fetch(`http://127.0.0.1:${port}/bad`);
    assert.equal(await bad.json(), {
      type: 'urn:fanbase:problem:invalid-request',
      title: 'Invalid request',
      status: 400,
      detail: 'artist_id is missing',
    });
    const missing = await fetch(`http://127.0.0.1:${port}/nothing-here`);
    assert.is(missing.status, 404);
    assert.is(missing.headers.get('content-type'), 'application/problem+json');
  } finally {
    server.close();
  }
});

Problems.run();
