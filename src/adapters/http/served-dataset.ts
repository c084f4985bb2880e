import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { FanDataset } from '../../domain/fanbase.js';
import {
  type AnswerWindow,
  describeWindow,
  STANDARD_WINDOWS,
  type WindowName,
} from '../../domain/time-window.js';
import type { EngineConfig } from '../../engine-config.js';
import { createAnswerCache } from './answer-cache.js';
import type { LoadedDataset, WindowAnswers } from './app.js';
import { collectGarbage } from './collect-garbage.js';
import type { HttpConfig } from './config.js';
import type { HttpMetrics } from './metrics.js';

/** What the server asks of the library to open its dataset: where it is, for which date, on which engine. */
export interface DatasetOptions extends EngineConfig {
  data: string | undefined;
  mapping: string | undefined;
  asOf: string | undefined;
  minFansForDemographics: number;
}

/** Opens a dataset for the server: `openFanbase` in the program, a stand-in in tests. */
export type OpenDataset = (options: DatasetOptions) => Promise<FanDataset>;

/** The dataset the API answers from, and how it is replaced. */
export interface ServedDataset {
  /** What requests answer from; null while the first load runs. */
  current(): LoadedDataset | null;
  /** Settles when the first load is done, or rejects with its error. */
  ready: Promise<void>;
  /** Opens the dataset again and swaps it in; reloads asked for while one runs share it. */
  reload(): Promise<void>;
  /** Closes the engine open; a load or reload still running closes its own when it ends. */
  close(): Promise<void>;
}

/**
 * Loads the dataset with `open` (every artist's summary computed in memory), then keeps it: a reload builds
 * the new one beside it and swaps it in with one assignment, so a request is answered wholly from the old
 * dataset or wholly from the new one, and none fails. Each swap sets the dataset metrics and logs the load,
 * with what consenting users make only.
 */
export function serveDataset(options: {
  open: OpenDataset;
  config: HttpConfig;
  metrics: HttpMetrics;
  logger: Logger;
  /** True once shutdown has begun: a load that ends then closes what it opened instead of serving it. */
  closing: () => boolean;
}): ServedDataset {
  const { open, config, metrics, logger } = options;
  let dataset: LoadedDataset | null = null;
  let fanbase: FanDataset | null = null;

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
      const windows = new Map<WindowName, WindowAnswers>();
      for (const window of STANDARD_WINDOWS) {
        if (window === 'all') continue;
        windows.set(window, { summaries: await opened.summaryIndex({ window }), bodies: new Map() });
      }
      return { opened, summaries, windows, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
    } catch (error) {
      await opened.close();
      throw error;
    }
  };
  /** The questions still running on each engine (ranges, top fans): a replaced engine closes once they end. */
  const asking = new WeakMap<FanDataset, Set<Promise<unknown>>>();
  /** `answer`, counted among the questions running on `opened` until it settles. */
  const tracked = <T>(opened: FanDataset, answer: Promise<T>): Promise<T> => {
    const running = asking.get(opened) ?? new Set<Promise<unknown>>();
    asking.set(opened, running);
    running.add(answer);
    answer.then(
      () => running.delete(answer),
      () => running.delete(answer),
    );
    return answer;
  };
  const closeWhenDone = async (opened: FanDataset | null) => {
    if (!opened) return;
    await Promise.allSettled([...(asking.get(opened) ?? [])]);
    await opened.close();
  };
  const swapIn = (
    { opened, summaries, windows, seconds }: Awaited<ReturnType<typeof load>>,
    event: string,
  ) => {
    const report = opened.report;
    const { eligible_users, artists_with_fans, fans } = report.totals;
    metrics.loadSeconds.set(seconds);
    metrics.consentingUsers.set(eligible_users);
    metrics.artists.set(summaries.artists);
    if (fans !== null) metrics.fans.set(fans);
    fanbase = opened;
    const standardWindows = new Map<WindowName, AnswerWindow>();
    // the one assignment requests see; a new dataset brings its own cache of serialized bodies
    dataset = {
      summaries,
      report,
      bodies: new Map(),
      windows,
      // the same report and privacy floor, the same answers: a snapshot served by several replicas has one tag
      tag: createHash('sha256')
        .update(JSON.stringify([report, config.minFansForDemographics]))
        .digest('base64url')
        .slice(0, 22),
      ask: (artistId, window) => tracked(opened, opened.summary(artistId, { window })),
      answers: createAnswerCache(config.answerCacheMb * 2 ** 20),
      audience: (artistId, window) => tracked(opened, opened.audience(artistId, { window })),
      topFans: (artistId, n, options) => tracked(opened, opened.topFans(artistId, n, options)),
      explainTopFans: (artistId, n, options) => tracked(opened, opened.explainTopFans(artistId, n, options)),
      windowOf: (window) => {
        // the standard windows resolved once per dataset; a range each time (it is checked against as_of)
        let described = standardWindows.get(window);
        if (described === undefined) {
          described = describeWindow(window, opened.settings);
          if ((STANDARD_WINDOWS as readonly string[]).includes(window))
            standardWindows.set(window, described);
        }
        return described;
      },
    };
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

  /**
   * One full, compacting collection once a load's rows (and, on a reload, the previous dataset) are dead:
   * what they leave in the heap costs every request after (NOTES.md, "The heap after a load").
   */
  const compactHeap = () => {
    const started = performance.now();
    collectGarbage();
    const { heapTotal, rss } = process.memoryUsage();
    logger.info(
      {
        duration_ms: Math.round(performance.now() - started),
        heap_mb: Math.round(heapTotal / 2 ** 20),
        rss_mb: Math.round(rss / 2 ** 20),
      },
      'heap compacted',
    );
  };

  const ready = (async () => {
    const loaded = await load();
    if (options.closing()) {
      // shut down while loading: close() does not wait for the load
      await loaded.opened.close();
      return;
    }
    swapIn(loaded, 'dataset loaded');
    compactHeap();
  })();
  ready.catch(() => {}); // the caller decides what a failed load means

  let reloading: Promise<void> | null = null;
  function reload(): Promise<void> {
    reloading ??= (async () => {
      await ready;
      const loaded = await load();
      if (options.closing()) {
        await loaded.opened.close();
        return;
      }
      const previous = fanbase;
      swapIn(loaded, 'dataset reloaded');
      // requests answer from the summary index they were given; those asking the old engine of a range
      // finish on it before it closes
      await closeWhenDone(previous as FanDataset | null);
      compactHeap();
    })().finally(() => {
      reloading = null;
    });
    return reloading;
  }

  return {
    current: () => dataset,
    ready,
    reload,
    close: async () => {
      await (fanbase as FanDataset | null)?.close();
    },
  };
}
