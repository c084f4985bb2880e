import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { daysBefore } from '../domain/calendar-date.js';
import { invalidArgument } from '../domain/errors.js';
import { instanceConfig } from '../duckdb/instance-config.js';
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
  /** Called after each file, with streams written so far and the total. */
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
  try {
    await conn.run("set TimeZone = 'UTC'");
    await conn.run(sqlFile('generate/uniform_macro'));
    await copy('generate/users', join(out, `users.${extension}`));
    await copy('generate/follows', join(out, `follows.${extension}`));
    const parts = Math.max(1, Math.ceil(streams / chunk));
    for (let part = 0; part < parts; part++) {
      const first = part * chunk;
      const last = Math.min(streams, first + chunk);
      const file = join(out, 'streams', `part-${String(part).padStart(4, '0')}.${extension}`);
      await copy('generate/streams', file, { first, last });
      options.onProgress?.(last, streams);
    }
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
  return files;
}
