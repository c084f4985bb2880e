import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

/** The CSV files the peers load: no header, `\N` for null (both COPY and LOAD DATA read it), 0/1 for consent. */
export interface PeerCsv {
  users: string;
  streams: string;
  follows: string;
}

/**
 * Writes a generated dataset's parquet exports as CSV for databases that cannot read parquet, as a team
 * would; world-readable, since the PostgreSQL server reads them as its own user.
 */
export async function exportCsv(data: string, out: string): Promise<PeerCsv> {
  mkdirSync(out, { recursive: true });
  chmodSync(out, 0o755);
  const files: PeerCsv = {
    users: join(out, 'users.csv'),
    streams: join(out, 'streams.csv'),
    follows: join(out, 'follows.csv'),
  };
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const csv = `(format csv, header false, nullstr '\\N')`;
  await conn.run(
    `copy (select user_id, birth_date, country, consent::integer from read_parquet('${data}/users.parquet'))
     to '${files.users}' ${csv}`,
  );
  await conn.run(
    `copy (select user_id, artist_id, streamed_at, ms_played from read_parquet('${data}/streams/*.parquet'))
     to '${files.streams}' ${csv}`,
  );
  await conn.run(
    `copy (select user_id, artist_id, followed_at from read_parquet('${data}/follows.parquet'))
     to '${files.follows}' ${csv}`,
  );
  conn.closeSync();
  instance.closeSync();
  for (const file of Object.values(files)) chmodSync(file, 0o644);
  return files;
}
