import type { DuckDBConnection, DuckDBType } from '@duckdb/node-api';
import { type PlainValue, plainRows } from './plain-values.js';
import { boundParameters, type Param } from './sql-files.js';

/**
 * Runs a statement and returns its rows as plain values (`plainRows`): no `bigint`, no DuckDB value. The
 * parameters bound are those the statement names (`boundParameters`).
 */
export async function readRows(
  conn: DuckDBConnection,
  sql: string,
  params: Readonly<Record<string, Param>> = {},
  types?: Record<string, DuckDBType>,
): Promise<Record<string, PlainValue>[]> {
  const reader = await conn.runAndReadAll(sql, boundParameters(sql, params), types);
  return plainRows(reader.getRowObjectsJS() as Record<string, unknown>[]);
}
