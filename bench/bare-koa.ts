/**
 * The HTTP floor: Koa reading the body, parsing it as JSON, answering a constant JSON
 * body of the Fanbase shape. Same Node, same process settings as the API. PORT from the environment.
 * A GET answers a constant JSON body of BODY_BYTES bytes (the floor of the audience and top-fans pages).
 */
import Koa from 'koa';
import getRawBody from 'raw-body';

const BODY = JSON.stringify({
  success: true,
  artist_id: 123,
  total_fans: 209184,
  fans_median_age: 42,
  fans_top_countries: ['FR', 'US', 'TN'],
});
const SIZED = JSON.stringify({ pad: 'x'.repeat(Math.max(0, Number(process.env.BODY_BYTES ?? 0) - 10)) });
const app = new Koa();
app.use(async (ctx) => {
  if (ctx.path === '/ready') {
    ctx.body = 'ready'; // for the bench to know it listens
    return;
  }
  if (ctx.method === 'GET') {
    ctx.type = 'application/json';
    ctx.body = SIZED;
    return;
  }
  JSON.parse(await getRawBody(ctx.req, { limit: 1024, encoding: 'utf8' }));
  ctx.type = 'application/json';
  ctx.body = BODY;
});
const server = app.listen(Number(process.env.PORT ?? 8090), '127.0.0.1', () => console.log('ready'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
