import type { DuckDBConnection } from '@duckdb/node-api';
import { internal } from '../domain/errors.js';
import { trackQueryProgress, withQueryProgress } from '../duckdb/query-progress.js';

/** Where a load is: which step of how many runs, and how far that step is. */
export interface LoadProgress {
  /** What runs, e.g. `read streams`, `build streams_daily`, `check users`, `write snapshot`. */
  step: string;
  /** The step's place, from 1 to `steps`. */
  index: number;
  steps: number;
  /** DuckDB's estimate for this step, 0 to 100; null while it has none (or the step is not DuckDB's). */
  percent: number | null;
  /** Seconds since the load started. */
  elapsed: number;
}

/** Called as a load moves: at the start of each step, then as its estimate changes. */
export type OnLoadProgress = (progress: LoadProgress) => void;

/**
 * The steps of one load, named up front so that each report says "step i of n". Running a step that was
 * not named is a bug (the count would lie), and says so.
 */
export class LoadSteps {
  private readonly started = performance.now();
  private readonly tracked = new WeakSet<DuckDBConnection>();
  /** The seconds each step that ran took, by name (the data report's `timings`). */
  readonly timings: Record<string, number> = {};

  constructor(
    private readonly names: readonly string[],
    private readonly onProgress: OnLoadProgress | undefined,
  ) {}

  /** Runs `work` as the step `name`; with `conn`, DuckDB's estimate for its statements is reported too. */
  async run<T>(name: string, work: () => Promise<T>, conn?: DuckDBConnection): Promise<T> {
    const index = this.names.indexOf(name) + 1;
    if (index === 0) throw internal(`load step ${name} is not among the steps announced`, {});
    const begun = performance.now();
    try {
      return await this.runReported(name, index, work, conn);
    } finally {
      this.timings[name] = Math.round(performance.now() - begun) / 1000;
    }
  }

  private async runReported<T>(
    name: string,
    index: number,
    work: () => Promise<T>,
    conn: DuckDBConnection | undefined,
  ): Promise<T> {
    const report = this.onProgress;
    if (report === undefined) return work();
    const tell = (percent: number | null) =>
      report({
        step: name,
        index,
        steps: this.names.length,
        percent,
        elapsed: Math.round(performance.now() - this.started) / 1000,
      });
    tell(null);
    if (conn === undefined) return work();
    if (!this.tracked.has(conn)) {
      await trackQueryProgress(conn);
      this.tracked.add(conn);
    }
    return withQueryProgress(conn, work, tell);
  }
}

/** The progress option of every call that loads exports (the library's open and prepare, and their engines). */
export interface LoadOptions {
  /** Called as the load moves (see LoadProgress); not called when the data is a prepared snapshot. */
  onProgress?: OnLoadProgress;
}
