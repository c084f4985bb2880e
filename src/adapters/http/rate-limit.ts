import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { FanbaseError } from '../../domain/errors.js';

/** Counts one request of a client; throws RATE_LIMITED, with the seconds to wait, when it is over its limit. */
export type RateLimit = (client: string) => Promise<void>;

/** A RATE_LIMITED error and when to try again. */
export class RateLimited extends FanbaseError {
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number, limit: { requests: number; windowSeconds: number }) {
    super(
      'RATE_LIMITED',
      `more than ${limit.requests} requests in ${limit.windowSeconds} s from these credentials or this address: retry in ${retryAfterSeconds} s`,
    );
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * At most `requests` per client per window of `windowSeconds` (fixed windows, in memory: one process;
 * behind several processes each counts its own). Null when `requests` is 0: off, and nothing on the hot path.
 */
export function createRateLimit(limit: { requests: number; windowSeconds: number }): RateLimit | null {
  if (limit.requests === 0) return null;
  const limiter = new RateLimiterMemory({ points: limit.requests, duration: limit.windowSeconds });
  return async (client) => {
    try {
      await limiter.consume(client);
    } catch (refused) {
      if (!(refused instanceof RateLimiterRes)) throw refused;
      throw new RateLimited(Math.max(1, Math.ceil(refused.msBeforeNext / 1000)), limit);
    }
  };
}
