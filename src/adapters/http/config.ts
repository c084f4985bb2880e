import { parseCalendarDate } from '../../domain/calendar-date.js';
import { invalidOptions } from '../../domain/errors.js';
import { type EngineConfig, readEngineConfig } from '../../engine-config.js';
import { type AuthConfig, readAuthConfig } from './auth-config.js';
import type { RateLimitConfig } from './rate-limit.js';

/** How the API is run, from the environment (documented in docs/operations.md and .env.example). */
export interface HttpConfig {
  port: number;
  host: string;
  /** Folder of exports; undefined for the bundled demo dataset. */
  data: string | undefined;
  mapping: string | undefined;
  /** `YYYY-MM-DD`; undefined for today in UTC at start-up. */
  asOf: string | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Largest request body accepted, in bytes. */
  bodyLimit: number;
  /** How long shutdown keeps serving, /ready answering 503, before it stops accepting, in milliseconds. */
  shutdownDelayMs: number;
  /** Longest wait for requests in flight on shutdown (after the delay), in milliseconds. */
  shutdownTimeoutMs: number;
  /** Longest a request may take to arrive (headers and body), in milliseconds; 408 beyond. */
  requestTimeoutMs: number;
  /** Who may call: off unless a JWT key or API keys are configured. */
  auth: AuthConfig;
  /**
   * At most `requests` POST /fanbase per client per `windowSeconds` (0: off), and `authFailures` refused
   * authentications per address (0: off; it counts only when authentication is on).
   */
  rateLimit: RateLimitConfig;
  /** Below this many fans, median age and countries are withheld (k-anonymity); 0 is off. */
  minFansForDemographics: number;
  /** duckdb (the exports in FANBASE_DATA) or clickhouse (FANBASE_CLICKHOUSE_URL). */
  engine: EngineConfig;
  /** Memory for the serialized GET answers of the dataset served (audience, top-fans pages), in MB; 0 is off. */
  answerCacheMb: number;
}

const LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

function asOfOf(value: string | undefined): string | undefined {
  return value === undefined ? undefined : parseCalendarDate(value, 'FANBASE_AS_OF');
}

/** Reads the configuration, naming the variable that is wrong. */
export function readHttpConfig(env: NodeJS.ProcessEnv = process.env): HttpConfig {
  const text = (name: string) => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const int = (name: string, fallback: number, min: number, max: number) => {
    const value = text(name);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw invalidOptions(`${name} must be a whole number from ${min} to ${max}, got "${value}"`, {
        field: name,
      });
    }
    return n;
  };
  const logLevel = text('LOG_LEVEL') ?? 'info';
  if (!LEVELS.has(logLevel)) {
    throw invalidOptions(`LOG_LEVEL must be one of ${[...LEVELS].join(', ')}, got "${logLevel}"`, {
      field: 'LOG_LEVEL',
    });
  }
  return {
    port: int('PORT', 8080, 0, 65535),
    host: text('HOST') ?? '0.0.0.0',
    data: text('FANBASE_DATA'),
    mapping: text('FANBASE_MAPPING'),
    asOf: asOfOf(text('FANBASE_AS_OF')),
    logLevel: logLevel as HttpConfig['logLevel'],
    bodyLimit: int('BODY_LIMIT_BYTES', 1024, 64, 1_048_576),
    shutdownDelayMs: int('SHUTDOWN_DELAY_MS', 0, 0, 600_000),
    shutdownTimeoutMs: int('SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    requestTimeoutMs: int('REQUEST_TIMEOUT_MS', 10_000, 100, 600_000),
    auth: readAuthConfig(env),
    rateLimit: {
      requests: int('RATE_LIMIT_REQUESTS', 0, 0, 1_000_000_000),
      windowSeconds: int('RATE_LIMIT_WINDOW_SECONDS', 60, 1, 86_400),
      authFailures: int('RATE_LIMIT_AUTH_FAILURES', 10, 0, 1_000_000_000),
    },
    minFansForDemographics: int('FANBASE_MIN_FANS_FOR_DEMOGRAPHICS', 0, 0, 1_000_000),
    engine: readEngineConfig({}, env),
    answerCacheMb: int('FANBASE_ANSWER_CACHE_MB', 128, 0, 1_000_000),
  };
}
