import type { Middleware } from 'koa';
import type { Logger } from 'pino';
import { isFanbaseError, methodNotAllowed, notFound } from '../../domain/errors.js';
import { PROBLEM_CONTENT_TYPE, problemOf } from './problem.js';
import { RateLimited } from './rate-limit.js';

/**
 * Turns every error, and every 404/405/501 left without a body by the router, into a problem+json answer.
 * Errors that are not the caller's fault are logged with the request id; their details are not sent.
 */
export function problemResponses(logger: Logger): Middleware {
  return async (ctx, next) => {
    let error: unknown;
    try {
      await next();
      if (ctx.body === undefined || ctx.body === null) {
        if (ctx.status === 404) error = notFound(`no resource at ${ctx.path}: see /openapi.json`);
        const allowed = ctx.response.get('Allow');
        if ((ctx.status === 405 || ctx.status === 501) && !allowed) {
          error = notFound(`no resource at ${ctx.path}: see /openapi.json`);
        } else if (ctx.status === 405 || ctx.status === 501) {
          error = methodNotAllowed(`${ctx.method} is not allowed on ${ctx.path}: use ${allowed}`);
        }
      }
    } catch (thrown) {
      error = thrown;
    }
    if (error === undefined) return;
    const problem = problemOf(error);
    if (problem.status >= 500 && problem.status !== 503) {
      logger.error({ err: error, request_id: ctx.state.requestId }, 'request failed');
    } else if (isFanbaseError(error) && error.code === 'CLOSED') {
      ctx.set('Connection', 'close');
    }
    if (problem.status === 503) ctx.set('Retry-After', '1');
    if (error instanceof RateLimited) ctx.set('Retry-After', String(error.retryAfterSeconds));
    if (problem.status === 401) {
      // RFC 6750: say the scheme, and that the token was refused when one was sent
      const refused = isFanbaseError(error) && error.location.field === 'Authorization';
      ctx.set('WWW-Authenticate', `Bearer realm="fanbase"${refused ? ', error="invalid_token"' : ''}`);
    }
    ctx.status = problem.status;
    ctx.type = PROBLEM_CONTENT_TYPE;
    ctx.body = problem;
  };
}
