/** Query parameters, bound by ClickHouse itself (`{name:Type}` in the SQL), never spliced into it. */
export type QueryParams = Record<string, unknown>;

/**
 * How the ClickHouse adapter reaches an engine. The same SQL runs through chdb (embedded ClickHouse, in
 * tests and on one machine) and through `@clickhouse/client` against a server or a cluster.
 */
export interface ClickHouseTransport {
  /** Where the engine is, for messages: a folder for chdb, a URL for a server. */
  readonly target: string;
  /** Runs one statement and returns its rows as JSON objects (64-bit integers as numbers). */
  query(sql: string, params?: QueryParams): Promise<Record<string, unknown>[]>;
  /** Runs one statement that returns nothing: DDL, `insert ... select`, `truncate`. */
  command(sql: string, params?: QueryParams): Promise<void>;
  /** Inserts a Parquet file into `table`, its columns matched by name to `columns`. */
  insertParquet(table: string, columns: readonly string[], file: string): Promise<void>;
  /** Throws when insertParquet could not read the files of `folder`; a load checks before it starts. */
  checkStagingFolder(folder: string): void;
  /** Releases the engine; idempotent. */
  close(): Promise<void>;
}

/** Settings every statement runs with, whatever the transport: numbers as numbers, SQL-standard outer joins. */
export const SESSION_SETTINGS = {
  output_format_json_quote_64bit_integers: 0,
  output_format_json_quote_64bit_floats: 0,
  join_use_nulls: 1,
  // a column keeps its meaning where an alias of the same name is defined (SQL's rule, and DuckDB's)
  prefer_column_name_to_alias: 1,
  // mixed types are an error in the SQL, not a Variant column
  use_variant_as_common_type: 0,
} as const;
