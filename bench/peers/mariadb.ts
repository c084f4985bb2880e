/**
 * MariaDB 10.11 (the database of the original specification) from Debian's packages as a peer: a throwaway
 * server in the work folder (mariadb-install-db, mariadbd), reached on a Unix socket, loaded with LOAD DATA,
 * indexed, then asked the two questions with plain SQL.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import mysql from 'mysql2/promise';
import { ISO_COUNTRY_CODES } from '../../src/domain/countries.js';
import { AGES_OF_MAJORITY } from '../../src/domain/majority.js';
import type { PeerCsv } from './export-csv.js';
import { type Peer, stepTimer, summaryOf } from './peer.js';
import { peerSql, statements } from './sql-script.js';

const SERVER = process.env.FANBASE_MARIADBD ?? '/usr/sbin/mariadbd';
const INSTALL = process.env.FANBASE_MARIADB_INSTALL_DB ?? '/usr/bin/mariadb-install-db';

export const mariadbInstalled = (): boolean => existsSync(SERVER) && existsSync(INSTALL);

// a competent single-machine setup for 2 cores and 24 GiB: the data in the buffer pool, a large redo log,
// no binary log (no replica), redo flushed once a second
const SETTINGS = [
  '--innodb-buffer-pool-size=6G',
  '--innodb-log-file-size=2G',
  '--innodb-flush-log-at-trx-commit=2',
  '--skip-log-bin',
  '--tmp-table-size=512M',
  '--max-heap-table-size=512M',
  '--sort-buffer-size=64M',
];

export async function startMariadb(work: string, csv: PeerCsv, asOf: string): Promise<Peer> {
  const dir = join(work, 'mariadb');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const user = userInfo().username;
  const data = join(dir, 'data');
  const socket = join(dir, 'mysqld.sock');
  execFileSync(
    INSTALL,
    [
      '--no-defaults',
      `--datadir=${data}`,
      `--user=${user}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const server = spawn(
    SERVER,
    [
      '--no-defaults',
      `--datadir=${data}`,
      `--socket=${socket}`,
      '--skip-networking',
      `--user=${user}`,
      `--pid-file=${join(dir, 'mysqld.pid')}`,
      `--log-error=${join(dir, 'error.log')}`,
      `--secure-file-priv=${dirname(csv.streams)}`,
      ...SETTINGS,
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const stop = async () => {
    server.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const conn = await connectWhenUp(socket, server);
    const version = String(
      ((await conn.query('select version() as v')) as [{ v: string }[], unknown])[0][0]?.v,
    );
    const { steps, step } = stepTimer();
    await step('tables', async () => {
      await conn.query('create database fanbase');
      await conn.query('use fanbase');
      for (const sql of statements(peerSql('mariadb', 'schema'))) await conn.query(sql);
    });
    await step('reference tables', async () => {
      await conn.query('insert into countries (country) values ?', [ISO_COUNTRY_CODES.map((c) => [c])]);
      await conn.query('insert into majority (country, age) values ?', [Object.entries(AGES_OF_MAJORITY)]);
    });
    const loadData = (file: string, table: string, columns: string) =>
      conn.query(
        `load data infile '${file}' into table ${table} fields terminated by ',' optionally enclosed by '"' lines terminated by '\\n' (${columns})`,
      );
    await step('load users', () => loadData(csv.users, 'users', 'user_id, birth_date, country, consent'));
    await step('load streams', () =>
      loadData(csv.streams, 'streams', 'user_id, artist_id, streamed_at, ms_played'),
    );
    await step('load follows', () => loadData(csv.follows, 'follows', 'user_id, artist_id, followed_at'));
    await step('indexes', async () => {
      for (const sql of statements(peerSql('mariadb', 'indexes'))) await conn.query(sql);
    });
    await step('analyze', () => conn.query('analyze table users, streams, follows'));
    const summaryText = peerSql('mariadb', 'summary');
    const topFansText = peerSql('mariadb', 'top_fans');
    return {
      name: 'MariaDB',
      version,
      load: steps,
      variants: [
        {
          name: 'MariaDB',
          async summary(artistId) {
            // execute: a server-side prepared statement, cached per connection by the driver
            const [rows] = await conn.execute(summaryText, { artist_id: artistId, as_of: asOf });
            const row = (rows as Record<string, unknown>[])[0] as Record<string, unknown>;
            const countries =
              row.fans_top_countries === null ? [] : String(row.fans_top_countries).split(',');
            const median = row.fans_median_age === null ? null : Number(row.fans_median_age);
            return summaryOf(artistId, Number(row.total_fans), median, countries);
          },
          async topFans(artistId, limit) {
            const [rows] = await conn.execute(topFansText, {
              artist_id: artistId,
              as_of: asOf,
              nb_fans: limit,
            });
            return (rows as Record<string, unknown>[]).map((r) => ({
              user_id: Number(r.user_id),
              country: r.country as string | null,
              score: Number(r.score),
            }));
          },
        },
      ],
      stop: async () => {
        await conn.end().catch(() => {});
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A connection once the server accepts them (it starts in a second or two), or the server's failure. */
async function connectWhenUp(socket: string, server: ChildProcess): Promise<mysql.Connection> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null)
      throw new Error(`mariadbd exited with code ${server.exitCode}: see its error.log`);
    try {
      return await mysql.createConnection({
        socketPath: socket,
        user: 'root',
        namedPlaceholders: true,
        multipleStatements: false,
      });
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
