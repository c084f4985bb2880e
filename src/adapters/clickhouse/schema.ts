import { type FanbaseError, invalidOptions } from '../../domain/errors.js';
import { clickHouseSqlFile, schemaStatements } from './clickhouse-sql.js';
import type { ClickHouseTransport } from './transport.js';

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
