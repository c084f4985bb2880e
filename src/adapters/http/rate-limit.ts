import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { FanbaseError } from '../../domain/errors.js';

/** Counts one request of a client; throws RATE_LIMITED, with the seconds to wait, when it is over its limit. */
export type RateLimit = (client: string) => Promise<void>;

/** A RATE_LIMITED error and when to try again. */
export class RateLimited extends FanbaseError {
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number, why: string) {
    super('RATE_LIMITED', `${why}: retry in ${retryAfterSeconds} s`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** How many requests a window allows: each client's, and each address's failed authentications. */
export interface RateLimitConfig {
  /** POST /fanbase per client (credentials when authenticated, else address); 0 is off. */
  requests: number;
  windowSeconds: number;
  /** Failed authentications per address, after which the address is refused before any check; 0 is off. */
  authFailures: number;
}

/**
 * At most `requests` per client per window of `windowSeconds` (fixed windows, in memory: one process;
 * behind several processes each counts its own). Null when `requests` is 0: off, and nothing on the hot path.
 */
export function createRateLimit(limit: RateLimitConfig): RateLimit | null {
  if (limit.requests === 0) return null;
  const limiter = new RateLimiterMemory({ points: limit.requests, duration: limit.windowSeconds });
  const why = `more than ${limit.requests} requests in ${limit.windowSeconds} s from these credentials or this address`;
  return async (client) => {
    try {
      await limiter.consume(client);
    } catch (refused) {
      if (!(refused instanceof RateLimiterRes)) throw refused;
      throw new RateLimited(secondsToWait(refused), why);
    }
  };
}

/** Failed authentications per address: checked before credentials are, counted when they are refused. */
export interface AuthFailureLimit {
  /** Throws RATE_LIMITED when the address has used up its failures in this window. */
  check(address: string): Promise<void>;
  /** Counts a refused authentication of the address. */
  fail(address: string): Promise<void>;
}

/**
 * At most `authFailures` refused authentications per address per window; past them every request of that
 * address is refused before its credentials are verified (guessing keys, or making the server verify
 * signatures, costs the attacker the window). Null when off.
 */
export function createAuthFailureLimit(limit: RateLimitConfig): AuthFailureLimit | null {
  if (limit.authFailures === 0) return null;
  const limiter = new RateLimiterMemory({ points: limit.authFailures, duration: limit.windowSeconds });
  const why = `more than ${limit.authFailures} failed authentications in ${limit.windowSeconds} s from this address`;
  return {
    async check(address) {
      const used = await limiter.get(address);
      if (used !== null && used.consumedPoints >= limit.authFailures) {
        throw new RateLimited(secondsToWait(used), why);
      }
    },
    async fail(address) {
      await limiter.penalty(address, 1);
    },
  };
}

function secondsToWait(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}
