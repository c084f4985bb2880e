import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

/** A fresh in-memory DuckDB connection, set up as the adapter sets its own. */
export async function freshConnection(): Promise<{ conn: DuckDBConnection; close: () => void }> {
  const instance = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  });
  const conn = await instance.connect();
  await conn.run("set TimeZone = 'UTC'");
  return {
    conn,
    close: () => {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

export const FIXTURES = new URL('../../fixtures/', import.meta.url).pathname;
