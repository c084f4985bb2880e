/**
 * PostgreSQL 15 from Debian's packages as a peer: a throwaway cluster in the work folder (initdb, pg_ctl),
 * reached on a Unix socket, loaded with COPY, indexed, then asked the two questions with plain SQL and,
 * once more, from a materialized view of per-(artist, user) aggregates.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { ISO_COUNTRY_CODES } from '../../src/domain/countries.js';
import { AGES_OF_MAJORITY } from '../../src/domain/majority.js';
import type { PeerCsv } from './export-csv.js';
import { type Peer, type PeerVariant, stepTimer, summaryOf } from './peer.js';
import { peerSql, statements } from './sql-script.js';

const BIN = process.env.FANBASE_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export const postgresInstalled = (): boolean => existsSync(join(BIN, 'pg_ctl'));

/** Runs a PostgreSQL program as the postgres user when this process is root (PostgreSQL refuses root). */
function asPostgres(program: string, args: string[]): void {
  const root = process.getuid?.() === 0;
  const [cmd, argv] = root
    ? ['runuser', ['-u', 'postgres', '--', join(BIN, program), ...args]]
    : [join(BIN, program), args];
  execFileSync(cmd as string, argv as string[], { stdio: ['ignore', 'ignore', 'pipe'] });
}

// a competent single-machine setup for 2 cores and 24 GiB: a large cache, memory for sorts and index builds,
// no JIT (it compiles for ~100 ms on the largest artists' plans and these are short queries), and a plan per
// execution of a prepared statement: after five runs PostgreSQL may switch to one generic plan for every
// artist, and the plan that suits the median artist's hundred fans does not suit the largest one's
const SETTINGS = {
  plan_cache_mode: 'force_custom_plan',
  shared_buffers: '4GB',
  effective_cache_size: '16GB',
  work_mem: '256MB',
  maintenance_work_mem: '2GB',
  max_wal_size: '8GB',
  random_page_cost: '1.1',
  jit: 'off',
  synchronous_commit: 'off',
};

export async function startPostgres(work: string, csv: PeerCsv, asOf: string): Promise<Peer> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`as_of must be YYYY-MM-DD, got ${asOf}`);
  const dir = join(work, 'postgres');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'socket'), { recursive: true });
  if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'postgres:', dir]);
  const data = join(dir, 'data');
  const socket = join(dir, 'socket');
  asPostgres('initdb', ['-D', data, '--locale=C', '-E', 'UTF8', '--auth=trust', '-U', 'postgres']);
  const options = [
    `-k ${socket}`,
    "-c listen_addresses=''",
    ...Object.entries(SETTINGS).map(([k, v]) => `-c ${k}=${v}`),
  ].join(' ');
  asPostgres('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start']);
  const client = new pg.Client({ host: socket, user: 'postgres', database: 'postgres' });
  const stop = async () => {
    await client.end().catch(() => {});
    asPostgres('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await client.connect();
    const version = (await client.query('show server_version')).rows[0].server_version as string;
    const { steps, step } = stepTimer();
    const script = async (name: string) => {
      for (const sql of statements(peerSql('postgres', name).replaceAll('{{as_of}}', asOf))) {
        await client.query(sql);
      }
    };
    await step('tables', () => script('schema'));
    await step('reference tables', async () => {
      await client.query('insert into countries select unnest($1::text[])', [[...ISO_COUNTRY_CODES]]);
      await client.query('insert into majority select unnest($1::text[]), unnest($2::int[])', [
        Object.keys(AGES_OF_MAJORITY),
        Object.values(AGES_OF_MAJORITY),
      ]);
    });
    await step('copy users', () => client.query(`copy users from '${csv.users}' (format csv, null '\\N')`));
    await step('copy streams', () =>
      client.query(`copy streams from '${csv.streams}' (format csv, null '\\N')`),
    );
    await step('copy follows', () =>
      client.query(`copy follows from '${csv.follows}' (format csv, null '\\N')`),
    );
    await step('indexes', () => script('indexes'));
    await step('vacuum analyze', () => client.query('vacuum analyze'));
    const plain = variant(client, 'PostgreSQL', 'summary', 'top_fans', asOf);
    const load = { ...steps };
    const { steps: viewSteps, step: viewStep } = stepTimer();
    await viewStep('materialized view', () => script('fan_signals'));
    await viewStep('view indexes', () => script('fan_signals_indexes'));
    await viewStep('view analyze', () => client.query('vacuum analyze fan_signals'));
    const view = variant(
      client,
      'PostgreSQL + materialized view',
      'summary_from_signals',
      'top_fans_from_signals',
      asOf,
    );
    for (const [name, seconds] of Object.entries(viewSteps)) load[`${name} (view variant)`] = seconds;
    return { name: 'PostgreSQL', version, load, variants: [plain, view], stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function variant(
  client: pg.Client,
  name: string,
  summary: string,
  topFans: string,
  asOf: string,
): PeerVariant {
  const summaryText = peerSql('postgres', summary);
  const topFansText = peerSql('postgres', topFans);
  return {
    name,
    async summary(artistId) {
      // a named query: prepared once per connection, as a driver-level prepared statement
      const { rows } = await client.query({ name: summary, text: summaryText, values: [artistId, asOf] });
      const row = rows[0];
      return summaryOf(artistId, row.total_fans, row.fans_median_age, row.fans_top_countries);
    },
    async topFans(artistId, limit) {
      const { rows } = await client.query({
        name: topFans,
        text: topFansText,
        values: [artistId, asOf, limit],
      });
      return rows.map((r) => ({ user_id: Number(r.user_id), country: r.country, score: r.score }));
    },
  };
}
