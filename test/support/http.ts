import { connect } from 'node:net';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { SignJWT } from 'jose';
import { pino } from 'pino';
import { NO_AUTH } from '../../src/adapters/http/auth-config.js';
import type { HttpConfig } from '../../src/adapters/http/config.js';
import type { PageAsset } from '../../src/adapters/http/page-assets.js';
import { type RunningServer, startServer } from '../../src/adapters/http/server.js';
import { openFanbase } from '../../src/open-fanbase.js';
import { FIXTURES } from './duckdb.js';

/** A logger writing JSON lines into `lines`, for assertions on what is logged. */
export function memoryLogger(lines: string[] = []) {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).trim().split('\n'));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

export const TEST_CONFIG: HttpConfig = {
  port: 0,
  host: '127.0.0.1',
  data: join(FIXTURES, 'edge-cases/parquet'),
  mapping: undefined,
  asOf: '2026-06-15',
  logLevel: 'info',
  bodyLimit: 1024,
  shutdownDelayMs: 0,
  shutdownTimeoutMs: 2_000,
  requestTimeoutMs: 10_000,
  auth: NO_AUTH,
  // failed authentications are limited by default when authentication is on; the tests that want it say so
  rateLimit: { requests: 0, windowSeconds: 60, authFailures: 0 },
  minFansForDemographics: 0,
  engine: { engine: 'duckdb' },
  answerCacheMb: 128,
};

/**
 * Closes `running` without waiting out the idle keep-alive connections a test's own `fetch` calls left
 * open: a graceful close leaves them until their keep-alive timeout. Connections with a request in flight
 * are not idle, and are drained as usual.
 */
export function closeNow(running: RunningServer): Promise<void> {
  const closed = running.close(); // with no shutdown delay, the listener is closed when this returns
  running.server.closeIdleConnections();
  return closed;
}

/**
 * Starts the real server on an ephemeral port over the edge-case fixture and waits until it is ready; its
 * `close` is `closeNow`. `page`: the artist page's files, when not the built ones.
 */
export async function readyServer(
  config: Partial<HttpConfig> = {},
  page?: Map<string, PageAsset>,
): Promise<RunningServer & { lines: string[] }> {
  const { logger, lines } = memoryLogger();
  const running = await startServer({ ...TEST_CONFIG, ...config }, logger, openFanbase, page);
  await running.ready;
  return { ...running, close: () => closeNow(running), lines };
}

/** POSTs `body` (a string, sent as is) to /fanbase. */
export async function postFanbase(url: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/fanbase`, { method: 'POST', body, headers });
  // biome-ignore lint/suspicious/noExplicitAny: a test reads any field of the answer
  const json: any = await response.json();
  return { status: response.status, headers: response.headers, json };
}

/** Writes `text` as is on a new connection and resolves with everything answered until the server closes it. */
export function rawRequest(url: string, text: string): Promise<string> {
  return new Promise<string>((resolve) => {
    const socket = connect(Number(new URL(url).port), '127.0.0.1');
    let answer = '';
    socket.on('data', (c) => {
      answer += c;
    });
    socket.on('error', () => {});
    socket.on('close', () => resolve(answer));
    socket.write(text);
  });
}

/** The secret `artistBearer` signs with: give it to `readyServer({ auth: { ...NO_AUTH, jwtSecret } })`. */
export const TEST_JWT_SECRET = 'a-test-secret-of-at-least-32-bytes!!';

/** An Authorization header with a JWT the API accepts for `artists`, signed with TEST_JWT_SECRET. */
export async function artistBearer(artists: number[]): Promise<{ Authorization: string }> {
  const jwt = await new SignJWT({ artists })
    .setProtectedHeader({ alg: 'HS256' })
    .setAudience('fanbase')
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(TEST_JWT_SECRET));
  return { Authorization: `Bearer ${jwt}` };
}
