import Router from '@koa/router';
import Koa from 'koa';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { matchedRoute, setMatchedRoute } from '../../../src/adapters/http/matched-route.js';

const Route = suite('matchedRoute');

Route("@koa/router still records the route it matched on the context: the metrics' label", async () => {
  const app = new Koa();
  const router = new Router();
  const seen: (string | undefined)[] = [];
  app.use(async (ctx, next) => {
    await next();
    seen.push(matchedRoute(ctx));
  });
  router.get('/artists/:id', (ctx) => {
    ctx.body = 'x';
  });
  app.use(router.routes());
  const server = app.listen(0);
  try {
    const { port } = server.address() as { port: number };
    await fetch(`http://127.0.0.1:${port}/artists/7`);
    await fetch(`http://127.0.0.1:${port}/nowhere`);
  } finally {
    server.close();
  }
  assert.equal(seen, ['/artists/:id', undefined]);
});

Route('a request answered before the router is labelled as the router would', () => {
  const ctx = {} as Koa.Context;
  setMatchedRoute(ctx, '/fanbase');
  assert.is(matchedRoute(ctx), '/fanbase');
});

Route.run();
