import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DataReport } from '../../domain/data-report.js';
import { dataUnreadable, type FanbaseError, invalidArgument, invalidOptions } from '../../domain/errors.js';
import type { Settings } from '../../domain/settings.js';
import { instanceConfig } from '../../duckdb/instance-config.js';
import { sqlFile } from '../../duckdb/sql-files.js';
import { loadDataset } from '../../load/load-dataset.js';
import type { Mapping } from '../../load/mapping.js';
import { VERSION } from '../../version.js';
import { clickHouseSqlFile, schemaStatements } from './clickhouse-sql.js';
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
/** Every table a load fills, the listening tables (filled by the views) included. */
const TABLES_A_LOAD_FILLS = [
  'users_source',
  'streams_source',
  'follows_source',
  'artist_listening',
  'user_listening',
] as const;
/** What a user runs to load exports into tables again. */
const TRUNCATE_STATEMENTS = [...TABLES_A_LOAD_FILLS, 'fanbase_loads']
  .map((t) => `truncate table ${t}`)
  .join('; ');

/**
 * Creates fanbase's tables and materialized views where they are missing (`sql/clickhouse/schema`), and
 * records the fan definition's `minMsPlayed` the listening tables count plays with (once: an existing
 * schema keeps its own, which is returned).
 */
export async function createSchema(transport: ClickHouseTransport, minMsPlayed: number): Promise<number> {
  for (const { sql } of schemaStatements()) await transport.command(sql);
  await transport.command(clickHouseSqlFile('record_schema_settings'), { min_ms_played: minMsPlayed });
  return (await schemaSettings(transport))?.minMsPlayed ?? minMsPlayed;
}

/** The settings the listening tables are counted with; undefined where the schema does not record them. */
export async function schemaSettings(
  transport: ClickHouseTransport,
): Promise<{ minMsPlayed: number } | undefined> {
  const [row] = await transport.query(clickHouseSqlFile('schema_settings'));
  return row ? { minMsPlayed: Number(row.min_ms_played) } : undefined;
}

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
): Promise<DataReport> {
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
        report = await loadDataset(conn, dataDir, mapping, settings);
        const started = performance.now();
        for (const { export: name } of STAGED_TABLES) {
          const file = join(folder, `${name}.parquet`).replaceAll("'", "''");
          await conn.run(`copy (${sqlFile(`load/staged_${name}`)}) to '${file}' (format parquet)`);
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
      await transport.insertParquet(table, columns, join(folder, `${name}.parquet`));
    }
    await recordLoad(transport, 'finished', JSON.stringify(report));
    return report;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The error for settings that ask for another `minMsPlayed` than the listening tables were counted with. */
export function minMsPlayedMismatch(
  transport: ClickHouseTransport,
  counted: number,
  asked: number,
): FanbaseError {
  return invalidOptions(
    `the ClickHouse tables (${transport.target}) count plays of ${counted} ms or more, fixed when their schema was created: fan.minMsPlayed ${asked} needs them counted again (load into a new database), or leave fan.minMsPlayed unset`,
    { field: 'fan.minMsPlayed' },
  );
}

/** The last `fanbase prepare` into these tables, if any: when, whether it finished, its data report. */
export interface Load {
  loadedAt: string;
  finished: boolean;
  /** Undefined for a load that did not finish. */
  report: DataReport | undefined;
}

/** The last `fanbase prepare` into these tables; undefined when there was none. */
export async function latestLoad(transport: ClickHouseTransport): Promise<Load | undefined> {
  const [row] = await transport.query(clickHouseSqlFile('latest_load'));
  if (!row) return undefined;
  const finished = row.status === 'finished';
  return {
    loadedAt: String(row.loaded_at),
    finished,
    report: finished ? (JSON.parse(String(row.report)) as DataReport) : undefined,
  };
}

/** The error for tables a prepare started to fill and did not finish: they hold part of the exports. */
export function unfinishedLoad(transport: ClickHouseTransport, load: Load): FanbaseError {
  return dataUnreadable(
    `the fanbase prepare into ClickHouse (${transport.target}) started at ${load.loadedAt} did not finish: its tables hold part of the exports. Empty them (${TRUNCATE_STATEMENTS}) and prepare again`,
    { table: 'fanbase_loads' },
  );
}

async function recordLoad(transport: ClickHouseTransport, status: 'started' | 'finished', report: string) {
  await transport.command(clickHouseSqlFile('record_load'), { fanbase_version: VERSION, status, report });
}
