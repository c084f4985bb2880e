import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { createApp } from './app.js';
import { authEnabled } from './auth-config.js';
import { createAuthenticator } from './authenticate.js';
import type { HttpConfig } from './config.js';
import { drain } from './drain.js';
import { createMetrics } from './metrics.js';
import type { PageAsset } from './page-assets.js';
import { createAuthFailureLimit, createRateLimit } from './rate-limit.js';
import { answerRefusedRequests } from './refused-requests.js';
import { type OpenDataset, serveDataset } from './served-dataset.js';

/** A listening API: its address, the dataset load under way, and a graceful `close`. */
export interface RunningServer {
  url: string;
  server: Server;
  /** Settles when the dataset is loaded (the API is ready), or rejects with the load error. */
  ready: Promise<void>;
  /**
   * Opens the dataset again (a snapshot replaced in place by `fanbase prepare`, or changed exports), builds
   * its answers, then swaps them in with one assignment: a request is answered wholly from the old dataset
   * or wholly from the new one, and none fails. A reload that fails keeps the old dataset. Reloads asked for
   * while one runs share it. What SIGHUP does.
   */
  reload(): Promise<void>;
  /**
   * Says not ready at once, serves on for the shutdown delay, then stops accepting and lets each connection
   * end after its next answer (or at its keep-alive timeout), up to the shutdown timeout; then closes DuckDB.
   */
  close(): Promise<void>;
}

export type { DatasetOptions, OpenDataset } from './served-dataset.js';

/**
 * Listens at once (so /health answers and /ready says 503 while loading), then loads the dataset with `open`
 * and computes every artist's summary in memory.
 */
export async function startServer(
  config: HttpConfig,
  logger: Logger,
  open: OpenDataset,
  /** The artist page's files (default: dist/page, `readPageAssets`); tests give others. */
  page?: Map<string, PageAsset>,
): Promise<RunningServer> {
  const metrics = createMetrics();
  // closing: shutdown has begun (/ready answers 503); listenerClosed: after SHUTDOWN_DELAY_MS, the drain
  let closing = false;
  let listenerClosed = false;
  const app = createApp({
    dataset: () => served.current(),
    logger,
    metrics,
    authenticate: await createAuthenticator(config.auth),
    rateLimit: createRateLimit(config.rateLimit),
    authFailures: authEnabled(config.auth) ? createAuthFailureLimit(config.rateLimit) : null,
    bodyLimit: config.bodyLimit,
    stopping: () => closing,
    closing: () => listenerClosed,
    ...(page === undefined ? {} : { page }),
  });
  // a request must arrive whole within REQUEST_TIMEOUT_MS (Node's default is 5 minutes: a slow client could
  // hold a connection that long); checked every second rather than Node's 30 s
  const server = createServer(
    {
      requestTimeout: config.requestTimeoutMs,
      headersTimeout: config.requestTimeoutMs,
      connectionsCheckingInterval: Math.min(1000, config.requestTimeoutMs),
    },
    app.callback(),
  );
  server.keepAliveTimeout = 5_000;
  answerRefusedRequests(server, logger);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  logger.info({ url }, 'listening');
  const served = serveDataset({ open, config, metrics, logger, closing: () => closing });

  async function close(): Promise<void> {
    if (closing) return;
    closing = true;
    // Still serving, keep-alive as usual, while a load balancer sees /ready fail and stops sending here:
    // closing the listener at once would reset the connections it still opens. Not when nothing was ready.
    if (served.current() && config.shutdownDelayMs > 0) {
      logger.info({ delay_ms: config.shutdownDelayMs }, 'not ready: serving until the shutdown delay ends');
      await new Promise((resolve) => setTimeout(resolve, config.shutdownDelayMs));
    }
    // in the same turn: an answer that says Connection: close finds the listener already closed, so its
    // client's next connection is refused rather than accepted and then reset with the listener
    listenerClosed = true;
    const cut = await drain(server, config.shutdownTimeoutMs);
    if (cut > 0) {
      logger.warn(
        { timeout_ms: config.shutdownTimeoutMs, connections: cut },
        'requests still in flight at the shutdown timeout: closing them',
      );
    }
    await served.close();
  }

  return { url, server, ready: served.ready, reload: served.reload, close };
}
