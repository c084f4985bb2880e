import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DataReport } from '../../domain/data-report.js';
import { FanbaseError } from '../../domain/errors.js';
import type { Settings } from '../../domain/settings.js';
import { VERSION } from '../../version.js';
import { loadDataset } from '../duckdb/load-dataset.js';
import type { Mapping } from '../duckdb/mapping.js';
import { sqlFile } from '../duckdb/sql-files.js';
import { clickHouseSqlFile, schemaStatements } from './clickhouse-sql.js';
import type { ClickHouseTransport } from './transport.js';

/** The tables `fanbase prepare --engine clickhouse` fills, with the columns it writes. */
const LOADED = [
  { table: 'users_source', export: 'users', columns: ['user_id', 'birth_date', 'country', 'consent'] },
  {
    table: 'streams_source',
    export: 'streams',
    columns: ['user_id', 'artist_id', 'streamed_at', 'ms_played'],
  },
  { table: 'follows_source', export: 'follows', columns: ['user_id', 'artist_id', 'followed_at'] },
] as const;

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
  for (const { table } of LOADED) {
    const [row] = await transport.query(`select toInt64(count()) as n from ${table}`);
    const rows = Number(row?.n ?? 0);
    if (rows > 0) {
      throw new FanbaseError(
        'INVALID_ARGUMENT',
        `${table} on ClickHouse (${transport.target}) already holds ${rows} rows: prepare loads exports into empty tables (truncate the source and listening tables first, or insert new rows directly: the materialized views keep the answers up to date)`,
        { table },
      );
    }
  }
  const folder = mkdtempSync(join(tmpdir(), 'fanbase-clickhouse-'));
  try {
    const instance = await DuckDBInstance.create(':memory:');
    let report: DataReport;
    try {
      const conn = await instance.connect();
      try {
        report = await loadDataset(conn, dataDir, mapping, settings, async (c) => {
          for (const { export: name } of LOADED) {
            const file = join(folder, `${name}.parquet`).replaceAll("'", "''");
            await c.run(`copy (${sqlFile(`${name}_for_clickhouse`)}) to '${file}' (format parquet)`);
          }
        });
      } finally {
        conn.closeSync();
      }
    } finally {
      instance.closeSync();
    }
    for (const { table, export: name, columns } of LOADED) {
      await transport.insertParquet(table, columns, join(folder, `${name}.parquet`));
    }
    await transport.command(clickHouseSqlFile('record_load'), {
      fanbase_version: VERSION,
      report: JSON.stringify(report),
    });
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
  return new FanbaseError(
    'INVALID_OPTIONS',
    `the ClickHouse tables (${transport.target}) count plays of ${counted} ms or more, fixed when their schema was created: fan.minMsPlayed ${asked} needs them counted again (load into a new database), or leave fan.minMsPlayed unset`,
    { field: 'fan.minMsPlayed' },
  );
}

/** The data report of the last `fanbase prepare` into these tables, if any. */
export async function latestLoad(transport: ClickHouseTransport): Promise<DataReport | undefined> {
  const [row] = await transport.query(clickHouseSqlFile('latest_load'));
  return row ? (JSON.parse(String(row.report)) as DataReport) : undefined;
}
