import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { daysBefore } from '../domain/calendar-date.js';
import { invalidArgument } from '../domain/errors.js';
import { instanceConfig } from '../duckdb/instance-config.js';
import { trackQueryProgress, withQueryProgress } from '../duckdb/query-progress.js';
import { boundParameters, sqlFile } from '../duckdb/sql-files.js';
import { sqlString } from '../duckdb/sql-text.js';

/** What `fanbase generate` makes: a synthetic platform export, deterministic for a seed. */
export interface GenerateOptions {
  users: number;
  artists: number;
  streams: number;
  seed: number;
  out: string;
  format?: 'parquet' | 'csv';
  /** Last day of the generated year of streams (default 2026-06-30). */
  until?: string;
  /** Streams per file of `streams/` (default 10 million). */
  chunk?: number;
  threads?: number;
  /** Called as streams are written (DuckDB's estimate within a file, exact after each), with the total. */
  onProgress?: (done: number, total: number) => void;
}

const DAYS = 365;

/**
 * Writes `users`, `follows` and a `streams/` folder of files into `out` (replaced if it exists).
 * Every value is drawn from DuckDB's `hash()` of (row, seed, purpose): the same seed gives the same data,
 * in any number of threads; no row is held in JavaScript, so 100 million streams take minutes.
 */
export async function generateDataset(options: GenerateOptions): Promise<string[]> {
  const { users, artists, streams, seed, out } = options;
  for (const [name, value, min] of [
    ['users', users, 1],
    ['artists', artists, 1],
    ['streams', streams, 0],
    ['seed', seed, 0],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < min) {
      throw invalidArgument(`${name} must be a whole number >= ${min}, got ${value}`, {
        field: name,
      });
    }
  }
  const format = options.format ?? 'parquet';
  const until = options.until ?? '2026-06-30';
  const chunk = options.chunk ?? 10_000_000;
  const params = { seed, users, artists, days: DAYS, from: daysBefore(until, DAYS - 1), to: until };
  const extension = format === 'parquet' ? 'parquet' : 'csv';
  const copyOptions =
    format === 'parquet' ? '(format parquet, compression zstd)' : '(format csv, header true)';

  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'streams'), { recursive: true });
  const instance = await DuckDBInstance.create(
    ':memory:',
    instanceConfig(options.threads ? { threads: options.threads } : {}),
  );
  const conn = await instance.connect();
  const files: string[] = [];
  const copy = async (name: string, file: string, extra: Record<string, number> = {}) => {
    const sql = sqlFile(name);
    await conn.run(
      `copy (${sql}) to ${sqlString(file)} ${copyOptions}`,
      boundParameters(sql, { ...params, ...extra }),
    );
    files.push(file);
  };
  const onProgress = options.onProgress;
  try {
    await conn.run("set TimeZone = 'UTC'");
    if (onProgress) await trackQueryProgress(conn);
    await conn.run(sqlFile('generate/uniform_macro'));
    await copy('generate/users', join(out, `users.${extension}`));
    await copy('generate/follows', join(out, `follows.${extension}`));
    const parts = Math.max(1, Math.ceil(streams / chunk));
    for (let part = 0; part < parts; part++) {
      const first = part * chunk;
      const last = Math.min(streams, first + chunk);
      const file = join(out, 'streams', `part-${String(part).padStart(4, '0')}.${extension}`);
      const ids = sqlFile('generate/stream_ids');
      await conn.run(
        `create or replace temp table stream_ids as ${ids}`,
        boundParameters(ids, { first, last }),
      );
      const written = copy('generate/streams', file);
      if (onProgress === undefined) await written;
      else {
        await withQueryProgress(
          conn,
          () => written,
          (percent) => onProgress(Math.floor(first + ((last - first) * percent) / 100), streams),
        );
        onProgress(last, streams);
      }
    }
    await conn.run('drop table if exists stream_ids');
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
  return files;
}
