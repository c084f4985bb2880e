/** Shared by the fixture scripts: the contract's types for CSV text, and a DuckDB set up like the library's. */
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

/** Per table, the select list that types all-text CSV columns as the data contract says. */
export const TYPED_COLUMNS: Record<string, string> = {
  users: 'user_id::bigint as user_id, birth_date::date as birth_date, country, consent::boolean as consent',
  streams: `user_id::bigint as user_id, artist_id::bigint as artist_id,
    timezone('UTC', streamed_at::timestamptz) as streamed_at, ms_played::integer as ms_played`,
  follows: `user_id::bigint as user_id, artist_id::bigint as artist_id,
    timezone('UTC', followed_at::timestamptz) as followed_at`,
};

/** A SQL string literal (these scripts only quote their own paths). */
export const quote = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/** Runs `work` on an in-memory DuckDB in UTC, with no extension downloads, and closes it. */
export async function withDuckDb(work: (conn: DuckDBConnection) => Promise<void>): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  });
  const conn = await instance.connect();
  try {
    await conn.run("set TimeZone = 'UTC'");
    await work(conn);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
