/**
 * Writes the parquet, JSON lines, mapped (renamed columns, epoch-millisecond times) and semicolon
 * (`;`-separated CSV, read through the mapping's delimiter) copies of the hand-written CSV fixtures, so
 * that every format is tested against the same expected answers.
 * Run after editing a fixture's csv/ folder: `npm run fixtures`.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { quote as q, TYPED_COLUMNS as TYPED, withDuckDb } from './typed-exports.js';

const ROOT = new URL('../fixtures/', import.meta.url).pathname;
const FIXTURES = ['edge-cases'];

/** The mapped variant: how a real export might name things, times as Unix epoch milliseconds. */
const MAPPED: Record<string, { file: string; select: string }> = {
  users: {
    file: 'accounts.jsonl',
    select: `user_id::bigint as id, epoch_ms(birth_date::date::timestamp) as dob_ms, country as country_code,
      consent::boolean as tracking_consent`,
  },
  streams: {
    file: 'listens.jsonl',
    select: `user_id::bigint as listener_id, artist_id::bigint as track_artist_id,
      epoch_ms(timezone('UTC', streamed_at::timestamptz)) as ts_ms, ms_played::integer as duration_ms`,
  },
  follows: {
    file: 'subscriptions.jsonl',
    select: `user_id::bigint as listener_id, artist_id::bigint as artist,
      epoch_ms(timezone('UTC', followed_at::timestamptz)) as created_ms`,
  },
};

const MAPPING = {
  $comment: 'How this export maps to the fanbase data contract (docs/data-contract.md, "Mapping").',
  users: {
    path: 'accounts.jsonl',
    columns: { user_id: 'id', birth_date: 'dob_ms', country: 'country_code', consent: 'tracking_consent' },
    epoch: { birth_date: 'ms' },
  },
  streams: {
    path: 'listens.jsonl',
    columns: {
      user_id: 'listener_id',
      artist_id: 'track_artist_id',
      streamed_at: 'ts_ms',
      ms_played: 'duration_ms',
    },
    epoch: { streamed_at: 'ms' },
  },
  follows: {
    path: 'subscriptions.jsonl',
    columns: { user_id: 'listener_id', artist_id: 'artist', followed_at: 'created_ms' },
    epoch: { followed_at: 'ms' },
  },
};

/** The semicolon variant: a CSV export written by a spreadsheet set to a European locale. */
const SEMICOLON_MAPPING = {
  $comment: 'These CSV files separate fields with ";" (docs/data-contract.md, "Mapping").',
  users: { delimiter: ';' },
  streams: { delimiter: ';' },
  follows: { delimiter: ';' },
};

await withDuckDb(async (conn) => {
  for (const fixture of FIXTURES) {
    const dir = join(ROOT, fixture);
    for (const variant of ['parquet', 'jsonl', 'mapped', 'semicolon']) {
      rmSync(join(dir, variant), { recursive: true, force: true });
      mkdirSync(join(dir, variant));
    }
    for (const table of Object.keys(TYPED)) {
      const csv = join(dir, 'csv', `${table}.csv`);
      const source = `(select * from read_csv(${q(csv)}, header = true, all_varchar = true))`;
      const typed = `select ${TYPED[table]} from ${source}`;
      await conn.run(`copy (${typed}) to ${q(join(dir, 'parquet', `${table}.parquet`))} (format parquet)`);
      await conn.run(`copy (${typed}) to ${q(join(dir, 'jsonl', `${table}.jsonl`))} (format json)`);
      // the text as it is, only the separator changed: empty fields stay empty, nothing is quoted
      await conn.run(
        `copy ${source} to ${q(join(dir, 'semicolon', `${table}.csv`))} (format csv, header, delimiter ';', quote '')`,
      );
      const mapped = MAPPED[table] as { file: string; select: string };
      await conn.run(
        `copy (select ${mapped.select} from ${source}) to ${q(join(dir, 'mapped', mapped.file))} (format json)`,
      );
    }
    writeFileSync(join(dir, 'mapped', 'fanbase.json'), `${JSON.stringify(MAPPING, null, 2)}\n`);
    writeFileSync(join(dir, 'semicolon', 'fanbase.json'), `${JSON.stringify(SEMICOLON_MAPPING, null, 2)}\n`);
    console.log(`fixtures/${fixture}: parquet/, jsonl/, mapped/, semicolon/ written`);
  }
});
