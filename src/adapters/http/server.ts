import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { FanDataset } from '../../domain/fanbase.js';
import type { EngineConfig } from '../../engine-config.js';
import { createApp, type LoadedDataset } from './app.js';
import { authEnabled } from './auth-config.js';
import { createAuthenticator } from './authenticate.js';
import type { HttpConfig } from './config.js';
import { drain } from './drain.js';
import { createMetrics } from './metrics.js';
import { createAuthFailureLimit, createRateLimit } from './rate-limit.js';
import { answerRefusedRequests } from './refused-requests.js';

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

/** What the server asks of the library to open its dataset: where it is, for which date, on which engine. */
export interface DatasetOptions extends EngineConfig {
  data: string | undefined;
  mapping: string | undefined;
  asOf: string | undefined;
  minFansForDemographics: number;
}

/** Opens a dataset for the server: `openFanbase` in the program, a stand-in in tests. */
export type OpenDataset = (options: DatasetOptions) => Promise<FanDataset>;

/**
 * Listens at once (so /health answers and /ready says 503 while loading), then loads the dataset with `open`
 * and computes every artist's summary in memory.
 */
export async function startServer(
  config: HttpConfig,
  logger: Logger,
  open: OpenDataset,
): Promise<RunningServer> {
  const metrics = createMetrics();
  let dataset: LoadedDataset | null = null;
  let fanbase: FanDataset | null = null;
  // closing: shutdown has begun (/ready answers 503); listenerClosed: after SHUTDOWN_DELAY_MS, the drain
  let closing = false;
  let listenerClosed = false;
  const app = createApp({
    dataset: () => dataset,
    logger,
    metrics,
    authenticate: await createAuthenticator(config.auth),
    rateLimit: createRateLimit(config.rateLimit),
    authFailures: authEnabled(config.auth) ? createAuthFailureLimit(config.rateLimit) : null,
    bodyLimit: config.bodyLimit,
    stopping: () => closing,
    closing: () => listenerClosed,
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

  /** Opens the dataset and builds its answers; the caller swaps them in. */
  const load = async () => {
    const started = process.hrtime.bigint();
    const opened = await open({
      data: config.data,
      mapping: config.mapping,
      asOf: config.asOf,
      minFansForDemographics: config.minFansForDemographics,
      ...config.engine,
    });
    try {
      const summaries = await opened.summaryIndex();
      return { opened, summaries, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
    } catch (error) {
      await opened.close();
      throw error;
    }
  };
  const swapIn = ({ opened, summaries, seconds }: Awaited<ReturnType<typeof load>>, event: string) => {
    const report = opened.report;
    const { eligible_users, artists_with_fans, fans } = report.totals;
    metrics.loadSeconds.set(seconds);
    metrics.consentingUsers.set(eligible_users);
    metrics.artists.set(summaries.artists);
    if (fans !== null) metrics.fans.set(fans);
    fanbase = opened;
    // the one assignment requests see; a new dataset brings its own cache of serialized bodies
    dataset = { summaries, report, bodies: new Map() };
    // what consenting users make only: logs leave the process (the exports' row counts: fanbase check)
    logger.info(
      {
        as_of: report.as_of,
        load_seconds: seconds,
        consenting_users: eligible_users,
        artists_with_fans,
        fans,
        issues: report.issues.length,
        warnings: report.warnings,
      },
      event,
    );
  };

  const ready = (async () => {
    const loaded = await load();
    if (closing) {
      // shut down while loading: close() does not wait for the load
      await loaded.opened.close();
      return;
    }
    swapIn(loaded, 'dataset loaded');
  })();
  ready.catch(() => {}); // the caller decides what a failed load means

  let reloading: Promise<void> | null = null;
  function reload(): Promise<void> {
    reloading ??= (async () => {
      await ready;
      const loaded = await load();
      if (closing) {
        await loaded.opened.close();
        return;
      }
      const previous = fanbase;
      swapIn(loaded, 'dataset reloaded');
      // requests answer from the summary index they were given; nothing in flight still uses the old engine
      await (previous as FanDataset | null)?.close();
    })().finally(() => {
      reloading = null;
    });
    return reloading;
  }

  async function close(): Promise<void> {
    if (closing) return;
    closing = true;
    // Still serving, keep-alive as usual, while a load balancer sees /ready fail and stops sending here:
    // closing the listener at once would reset the connections it still opens. Not when nothing was ready.
    if (dataset && config.shutdownDelayMs > 0) {
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
    // The engine open is closed; a load or reload still running closes its own when it ends (it sees closing).
    await (fanbase as FanDataset | null)?.close();
  }

  return { url, server, ready, reload, close };
}
