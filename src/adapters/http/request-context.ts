import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import type { Logger } from 'pino';
import { accessLogWriter } from './access-log-writer.js';
import { matchedRoute } from './matched-route.js';
import type { HttpMetrics } from './metrics.js';

const INCOMING_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Gives every request an id (the caller's `X-Request-Id` when it is a plain token, a new UUID otherwise),
 * echoes it, sets the headers every answer carries (`X-Content-Type-Options: nosniff`,
 * `Cache-Control: no-store`), and on the way out writes one access-log line and the request metrics (and
 * asks the client to close its connection once `closing` says the listener is closed). The log line holds
 * method, path (no query string), status, duration and id: nothing personal.
 *
 * Both are on the hot path of every request, so both skip the generic machinery (measured in
 * bench/RESULTS.md): the access line is written as a pino line straight to pino's destination, with no
 * object serialized, and the request metrics are tallied by one string key (`request-tallies.ts`).
 */
export function requestContext(logger: Logger, metrics: HttpMetrics, closing?: () => boolean): Middleware {
  const accessLog = accessLogWriter(logger);
  return async (ctx, next) => {
    const started = performance.now();
    const incoming = ctx.get('X-Request-Id');
    const id = INCOMING_ID.test(incoming) ? incoming : randomUUID();
    ctx.state.requestId = id;
    ctx.set('X-Request-Id', id);
    // every answer: no content sniffing; and none stored by a cache, since answers describe fans or the
    // running service (the OpenAPI document, public, takes the header off)
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Cache-Control', 'no-store');
    try {
      await next();
    } finally {
      // decided when the answer leaves, so that a request begun before the listener closed also closes its
      // connection; not before: a client told to reconnect while the listener is still open may land in its
      // backlog, and a connection in the backlog when the listener closes is reset
      if (closing?.()) ctx.set('Connection', 'close');
      const ms = performance.now() - started;
      // the matched route, never the raw path: random paths cannot grow the metrics
      const route = matchedRoute(ctx) ?? 'unmatched';
      metrics.requests.record(ctx.method, route, ctx.status, ms / 1000);
      accessLog(ctx.method, ctx.path, ctx.status, Math.round(ms * 1000) / 1000, id);
    }
  };
}
