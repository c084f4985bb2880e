import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DataReport } from '../../domain/data-report.js';
import { invalidArgument } from '../../domain/errors.js';
import type { Settings } from '../../domain/settings.js';
import { instanceConfig } from '../../duckdb/instance-config.js';
import { sqlFile } from '../../duckdb/sql-files.js';
import { LOAD_STEPS, loadDataset } from '../../load/load-dataset.js';
import { LoadSteps, type OnLoadProgress } from '../../load/load-progress.js';
import type { Mapping } from '../../load/mapping.js';
import { recordLoad, TABLES_A_LOAD_FILLS, TRUNCATE_STATEMENTS } from './load-record.js';
import { createSchema, minMsPlayedMismatch } from './schema.js';
import type { ClickHouseTransport } from './transport.js';

/** The tables `fanbase prepare --engine clickhouse` fills, with the columns it writes. */
const STAGED_TABLES = [
  { table: 'users_source', export: 'users', columns: ['user_id', 'birth_date', 'country', 'consent'] },
  {
    table: 'streams_source',
    export: 'streams',
    columns: ['user_id', 'artist_id', 'streamed_at', 'ms_played'],
  },
  { table: 'follows_source', export: 'follows', columns: ['user_id', 'artist_id', 'followed_at'] },
] as const;
/**
 * Loads the exports of `dataDir` into ClickHouse's empty source tables: DuckDB reads and checks them as
 * for any load (same data contract, same errors, same data report), writes the rows the answers use to
 * Parquet, and ClickHouse ingests those; its materialized views fill the listening tables on the way in.
 * Returns the data report, which is also stored in `fanbase_loads`.
 */
export async function loadExports(
  transport: ClickHouseTransport,
  dataDir: string,
  mapping: Mapping,
  settings: Settings,
  onProgress?: OnLoadProgress,
): Promise<DataReport> {
  const steps = new LoadSteps(
    [
      ...LOAD_STEPS,
      ...STAGED_TABLES.map(({ export: name }) => `stage ${name}`),
      ...STAGED_TABLES.map(({ table }) => `insert ${table}`),
    ],
    onProgress,
  );
  const counted = await createSchema(transport, settings.fan.minMsPlayed);
  if (counted !== settings.fan.minMsPlayed)
    throw minMsPlayedMismatch(transport, counted, settings.fan.minMsPlayed);
  for (const table of TABLES_A_LOAD_FILLS) {
    const [row] = await transport.query(`select toInt64(count()) as n from ${table}`);
    const rows = Number(row?.n ?? 0);
    if (rows > 0) {
      throw invalidArgument(
        `${table} on ClickHouse (${transport.target}) already holds ${rows} rows: prepare loads exports into empty tables. To load them again, empty them first (${TRUNCATE_STATEMENTS}); to add rows, insert them into the source tables directly (the materialized views keep the answers up to date)`,
        { table },
      );
    }
  }
  const folder = mkdtempSync(join(tmpdir(), 'fanbase-clickhouse-'));
  try {
    transport.checkStagingFolder(folder);
    const instance = await DuckDBInstance.create(':memory:', instanceConfig());
    let report: DataReport;
    try {
      const conn = await instance.connect();
      try {
        report = await loadDataset(conn, dataDir, mapping, settings, steps);
        const started = performance.now();
        for (const { export: name } of STAGED_TABLES) {
          const file = join(folder, `${name}.parquet`).replaceAll("'", "''");
          await steps.run(
            `stage ${name}`,
            () => conn.run(`copy (${sqlFile(`load/staged_${name}`)}) to '${file}' (format parquet)`),
            conn,
          );
        }
        report.timings.export = Math.round(performance.now() - started) / 1000;
      } finally {
        conn.closeSync();
      }
    } finally {
      instance.closeSync();
    }
    // from here to 'finished', the tables hold part of the exports: open refuses them, saying how to start again
    await recordLoad(transport, 'started', '');
    for (const { table, export: name, columns } of STAGED_TABLES) {
      await steps.run(`insert ${table}`, () =>
        transport.insertParquet(table, columns, join(folder, `${name}.parquet`)),
      );
    }
    await recordLoad(transport, 'finished', JSON.stringify(report));
    return report;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
