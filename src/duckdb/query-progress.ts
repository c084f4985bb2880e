import type { DuckDBConnection } from '@duckdb/node-api';

/** How often a running statement's progress is read. */
const POLL_MS = 200;

/**
 * Turns DuckDB's progress tracking on for `conn`, without its own printed bar: `conn.progress` then
 * estimates how far the running statement is (rows read of rows to read). Off by default: nothing is
 * tracked when nobody asked for progress.
 */
export async function trackQueryProgress(conn: DuckDBConnection): Promise<void> {
  await conn.run('set enable_progress_bar = true');
  await conn.run('set enable_progress_bar_print = false');
}

/**
 * Runs `work`, calling `onPercent` with DuckDB's estimate (0 to 100) for the statement running on `conn`
 * every POLL_MS while it runs. The estimate counts rows read: a statement that has read everything and
 * still aggregates stays at its last figure until it ends.
 */
export async function withQueryProgress<T>(
  conn: DuckDBConnection,
  work: () => Promise<T>,
  onPercent: (percent: number) => void,
): Promise<T> {
  const timer = setInterval(() => {
    const { percentage } = conn.progress;
    if (percentage >= 0) onPercent(Math.min(100, percentage));
  }, POLL_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
