import type { Context } from 'koa';

/**
 * A speed trick, fenced here: @koa/router records the route it matched on `ctx._matchedRoute`, an
 * undocumented field; the metrics label requests with it, and the hot path of POST /fanbase, answered
 * before the router, sets it as the router would. test/adapters/http/matched-route.test.ts pins the field.
 */
type Routed = Context & { _matchedRoute?: string };

/** The route pattern the router matched (`/fanbase`), never the raw path; undefined when none matched. */
export function matchedRoute(ctx: Context): string | undefined {
  const route = (ctx as Routed)._matchedRoute;
  return route === undefined ? undefined : String(route);
}

/** Labels a request answered before the router with the route the router would have matched. */
export function setMatchedRoute(ctx: Context, route: string): void {
  (ctx as Routed)._matchedRoute = route;
}
