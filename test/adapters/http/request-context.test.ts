import Koa from 'koa';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createMetrics } from '../../../src/adapters/http/metrics.js';
import { requestContext } from '../../../src/adapters/http/request-context.js';
import { memoryLogger } from '../../support/http.js';

const Context = suite('requestContext');

Context('logs one line per request, even when the handler throws', async () => {
  const { logger, lines } = memoryLogger();
  const app = new Koa();
  app.silent = true;
  app.use(requestContext(logger, createMetrics()));
  app.use((ctx) => {
    if (ctx.path === '/boom') throw new Error('boom');
    ctx.body = 'ok';
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as { port: number };
  try {
    const ok = await fetch(`http://127.0.0.1:${port}/a?user=7`, { headers: { 'X-Request-Id': 'req-1' } });
    assert.is(ok.headers.get('x-request-id'), 'req-1');
    await fetch(`http://127.0.0.1:${port}/boom`);
    const logged = lines.map((l) => JSON.parse(l));
    assert.is(logged.length, 2);
    assert.equal([logged[0].path, logged[0].status, logged[0].request_id], ['/a', 200, 'req-1']);
    assert.is(logged[1].path, '/boom');
    assert.ok(typeof logged[0].duration_ms === 'number');
  } finally {
    server.close();
  }
});

Context.run();
