import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readHttpConfig } from '../../../src/adapters/http/config.js';
import { expectFanbaseError } from '../../support/expect-error.js';

const Config = suite('readHttpConfig');

Config('documented defaults', () => {
  assert.equal(readHttpConfig({}), {
    port: 8080,
    host: '0.0.0.0',
    data: undefined,
    mapping: undefined,
    asOf: undefined,
    logLevel: 'info',
    bodyLimit: 1024,
    shutdownDelayMs: 0,
    shutdownTimeoutMs: 10_000,
    requestTimeoutMs: 10_000,
    auth: { audience: 'fanbase', maxLifetimeSeconds: 86_400 }, // off; tokens would live a day at most
    // off; refused authentications would be limited to 10 per address per minute
    rateLimit: { requests: 0, windowSeconds: 60, authFailures: 10 },
    minFansForDemographics: 0, // off
    engine: { engine: 'duckdb' },
    answerCacheMb: 128,
  });
});

Config('reads every variable', () => {
  const config = readHttpConfig({
    PORT: '9000',
    HOST: '127.0.0.1',
    FANBASE_DATA: '/data',
    FANBASE_MAPPING: '/data/m.json',
    FANBASE_AS_OF: '2026-06-15',
    LOG_LEVEL: 'warn',
    BODY_LIMIT_BYTES: '4096',
    SHUTDOWN_DELAY_MS: '5000',
    SHUTDOWN_TIMEOUT_MS: '0',
    REQUEST_TIMEOUT_MS: '2000',
    FANBASE_JWT_SECRET: 'a-secret-of-at-least-thirty-two-bytes',
    FANBASE_JWT_AUDIENCE: 'fans-api',
    FANBASE_JWT_ISSUER: 'https://auth.example',
    FANBASE_MIN_FANS_FOR_DEMOGRAPHICS: '10',
    RATE_LIMIT_REQUESTS: '100',
    RATE_LIMIT_WINDOW_SECONDS: '10',
    RATE_LIMIT_AUTH_FAILURES: '0',
    FANBASE_JWT_MAX_LIFETIME: '12h',
    FANBASE_ENGINE: 'clickhouse',
    FANBASE_CLICKHOUSE_URL: 'http://clickhouse:8123',
    FANBASE_CLICKHOUSE_USER: 'fanbase',
    FANBASE_CLICKHOUSE_PASSWORD: 'pw',
    FANBASE_CLICKHOUSE_DATABASE: 'music',
    FANBASE_ANSWER_CACHE_MB: '0',
  });
  assert.equal(config, {
    port: 9000,
    host: '127.0.0.1',
    data: '/data',
    mapping: '/data/m.json',
    asOf: '2026-06-15',
    logLevel: 'warn',
    bodyLimit: 4096,
    shutdownDelayMs: 5000,
    shutdownTimeoutMs: 0,
    requestTimeoutMs: 2000,
    auth: {
      audience: 'fans-api',
      maxLifetimeSeconds: 43_200,
      issuer: 'https://auth.example',
      jwtSecret: 'a-secret-of-at-least-thirty-two-bytes',
    },
    rateLimit: { requests: 100, windowSeconds: 10, authFailures: 0 },
    minFansForDemographics: 10,
    engine: {
      engine: 'clickhouse',
      clickhouse: { url: 'http://clickhouse:8123', username: 'fanbase', password: 'pw', database: 'music' },
    },
    answerCacheMb: 0,
  });
  assert.is(readHttpConfig({ FANBASE_DATA: '  ' }).data, undefined);
});

Config('names the variable that is wrong', async () => {
  await expectFanbaseError(
    () => readHttpConfig({ PORT: '70000' }),
    'INVALID_OPTIONS',
    /PORT must be a whole number from 0 to 65535, got "70000"/,
  );
  await expectFanbaseError(() => readHttpConfig({ PORT: '80.5' }), 'INVALID_OPTIONS', /PORT/);
  await expectFanbaseError(
    () => readHttpConfig({ LOG_LEVEL: 'loud' }),
    'INVALID_OPTIONS',
    /LOG_LEVEL must be one of fatal, error/,
  );
  await expectFanbaseError(
    () => readHttpConfig({ BODY_LIMIT_BYTES: '1' }),
    'INVALID_OPTIONS',
    /BODY_LIMIT_BYTES must be a whole number from 64/,
  );
});

Config.run();
