/**
 * Whether a request's If-None-Match (RFC 9110, 13.1.2) names the representation tagged `etag`: `*`, or any
 * listed tag equal to it by the weak comparison (a `W/` prefix on either side ignored). Evaluated here, by
 * the origin, rather than by Koa's `ctx.fresh`, which answers false whenever the request says
 * `Cache-Control: no-cache`: what fetch() adds to every request carrying If-None-Match, so a dashboard
 * polling with fetch would never get its 304.
 */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === wanted);
}
