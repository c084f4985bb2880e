import { BOOLEAN, type DuckDBConnection, LIST, listValue, VARCHAR } from '@duckdb/node-api';
import { daysBefore } from '../../domain/calendar-date.js';
import type { Settings } from '../../domain/settings.js';
import { resolveWindow, STANDARD_WINDOWS, type TimeWindow } from '../../domain/time-window.js';
import { readRows } from '../../duckdb/read-rows.js';
import { boundParameters, type Param, sqlFile } from '../../duckdb/sql-files.js';
import { sqlString } from '../../duckdb/sql-text.js';
import { WINDOW_RELATIONS as RELATIONS } from '../../load/load-dataset.js';

/** The tables a snapshot keeps for its standard windows (besides the load's own, which answer `all`). */
export const KEPT_WINDOW_TABLES = [
  'kept_windows',
  'window_fans',
  'window_artist_profiles',
  'artist_trends',
  'artist_tiers',
] as const;

const SCHEMA = 'kept_window';

/**
 * The window's relations that only `window_fans` and `window_artist_profiles` read: views over the window's
 * scores rather than tables, so that ranking a window's fans writes them once, straight into `window_fans`
 * (a table of 12.9M rows copied again cost 6 s at 100M streams). They take no parameter.
 */
const READ_BY_KEPT_TABLES_ONLY = new Set<string>(['fans', 'artist_profiles']);

/**
 * How a snapshot answers the standard windows of its `as_of`, by their days (`start..end`): from the load's
 * own tables (`all`, when the window holds every day the snapshot keeps) or from its window tables (the
 * window's name). A question over any other window is computed from the daily aggregates.
 */
export type KeptWindows = ReadonlyMap<string, string>;

const keyOf = (start: string | null, end: string) => `${start ?? ''}..${end}`;

/** The kept answer for `window`: 'all', a standard window's name, or undefined when the snapshot keeps none. */
export function keptAnswer(kept: KeptWindows, window: TimeWindow): string | undefined {
  return kept.get(keyOf(window.start, window.end));
}

/**
 * Computes the answers of each standard window but `all` (7d, 28d, 12m of `settings.asOf`) once, with the
 * load's own files (`WINDOW_RELATIONS`: the sums, the scores, the ranked fans, the profiles) over the
 * window's days, and keeps them in `window_fans` and `window_artist_profiles`, so that a question over a standard window reads its
 * artist's rows like a question over `all` does. A window that holds every day the snapshot keeps has the
 * answers of `all` and is recorded as such, not computed again. `kept_windows` records which is which.
 * A window with fewer daily rows before it than in it (12m, most days) is summed as the snapshot's sums less
 * those of the days before it (`window_fan_listening`, `window_user_volume`), not from its own days again.
 */
export async function keepStandardWindows(
  conn: DuckDBConnection,
  settings: Settings,
  params: Record<string, Param>,
): Promise<void> {
  const firstDay = (await readRows(conn, sqlFile('duckdb/first_day_kept')))[0]?.first_day;
  const first = firstDay === null || firstDay === undefined ? null : String(firstDay);
  const windows = STANDARD_WINDOWS.filter((name) => name !== 'all').map((name) => {
    const window = resolveWindow(name, settings) as TimeWindow;
    return { window, sameAsAll: first === null || (window.start !== null && window.start <= first) };
  });
  const fans = sqlFile('duckdb/window_fans');
  const profiles = sqlFile('duckdb/window_artist_profiles');
  // the tables' shape, from the load's own tables (no row)
  for (const [table, sql] of [
    ['window_fans', fans],
    ['window_artist_profiles', profiles],
  ] as const) {
    await conn.run(`create table main.${table} as select * from (${sql}) limit 0`, { window_name: null });
  }
  const run = (sql: string, bound: Record<string, Param>) => conn.run(sql, boundParameters(sql, bound));
  for (const { window, sameAsAll } of windows) {
    if (sameAsAll) continue;
    const bound = { ...params, window_start: window.start, window_end: window.end, window_name: window.name };
    await conn.run(`create schema ${SCHEMA}`);
    try {
      const counts = (
        await readRows(conn, sqlFile('duckdb/window_day_rows'), { window_start: window.start })
      )[0];
      const summed = new Set<string>();
      if (window.start !== null && Number(counts?.earlier_rows) < Number(counts?.window_rows)) {
        // fewer days before the window than in it: the snapshot's sums less those of the days before
        const earlier = { ...params, window_end: daysBefore(window.start, 1) };
        for (const relation of ['fan_listening', 'user_volume']) {
          const own = sqlFile(`load/${relation}`);
          // (in main, as the snapshot's sums they are taken from, with the search path not yet moved)
          await run(`create table earlier_${relation} as ${own}`, earlier);
          await run(`create table ${SCHEMA}.${relation} as ${sqlFile(`duckdb/window_${relation}`)}`, bound);
          await conn.run(`drop table earlier_${relation}`);
          summed.add(relation);
        }
      }
      await conn.run(`set search_path = '${SCHEMA},main'`);
      for (const relation of RELATIONS) {
        if (summed.has(relation)) continue;
        const sql = sqlFile(`load/${relation}`);
        // what only the kept tables read is a view: its rows are computed once, into main's table
        const kind = READ_BY_KEPT_TABLES_ONLY.has(relation) ? 'view' : 'table';
        await run(`create ${kind} ${SCHEMA}.${relation} as ${sql}`, bound);
      }
      await conn.run(`insert into main.window_fans ${fans}`, boundParameters(fans, bound));
      await conn.run(`insert into main.window_artist_profiles ${profiles}`, boundParameters(profiles, bound));
    } finally {
      await conn.run('reset search_path');
      await conn.run(`drop schema ${SCHEMA} cascade`);
    }
  }
  await keepPerArtist(conn, settings, params, windows);
  await conn.run(
    `create table main.kept_windows as ${sqlFile('duckdb/kept_windows')}`,
    {
      names: listValue(windows.map((w) => w.window.name)),
      starts: listValue(windows.map((w) => w.window.start)),
      ends: listValue(windows.map((w) => w.window.end)),
      same_as_all: listValue(windows.map((w) => w.sameAsAll)),
    },
    { names: LIST(VARCHAR), starts: LIST(VARCHAR), ends: LIST(VARCHAR), same_as_all: LIST(BOOLEAN) },
  );
}

/** The tables `keepPerArtist` keeps, the file counting each, and the order of its rows within an artist's window. */
const PER_ARTIST = [
  { table: 'artist_trends', file: 'artist_trend', order: 'month' },
  { table: 'artist_tiers', file: 'artist_segments', order: 'fans' },
] as const;
const PER_WINDOW_SCHEMA = 'kept_window_fans';

/**
 * What an audience reads besides the profiles, kept per artist over `all` and each standard window kept
 * apart, by artist then window, so that it reads a few rows of its artist rather than its fans or its
 * daily rows: `artist_trends`, the trend month by month (`artist_trend.sql`), and `artist_tiers`, the fans
 * by engagement tier (`artist_segments.sql`). Each is counted by the file that counts it per question,
 * over every artist: over `all` from the load's `fans`, over a window from its kept `window_fans` (a view
 * named `fans` in a schema of its own, ahead of main in the search path).
 */
async function keepPerArtist(
  conn: DuckDBConnection,
  settings: Settings,
  params: Record<string, Param>,
  windows: { window: TimeWindow; sameAsAll: boolean }[],
): Promise<void> {
  const every = { ...params, artist_id: null };
  const counted = [
    { name: 'all', bound: { ...every, window_start: settings.windowStart, window_end: settings.asOf } },
    ...windows
      .filter((w) => !w.sameAsAll)
      .map(({ window }) => ({
        name: window.name,
        bound: { ...every, window_start: window.start, window_end: window.end },
      })),
  ];
  for (const { name, bound } of counted) {
    const own = name !== 'all';
    if (own) {
      await conn.run(`create schema ${PER_WINDOW_SCHEMA}`);
      await conn.run(
        `create view ${PER_WINDOW_SCHEMA}.fans as select * exclude (window_name) from main.window_fans where window_name = ${sqlString(name)}`,
      );
      await conn.run(`set search_path = '${PER_WINDOW_SCHEMA},main'`);
    }
    try {
      for (const { table, file } of PER_ARTIST) {
        const sql = sqlFile(`duckdb/${file}`);
        const rows = `select ${sqlString(name)} as window_name, * from (${sql})`;
        // `all`, first, gives the table its columns; the windows add their rows
        const statement = own ? `insert into temp.${table} ${rows}` : `create temp table ${table} as ${rows}`;
        await conn.run(statement, boundParameters(sql, bound));
      }
    } finally {
      if (own) {
        await conn.run('reset search_path');
        await conn.run(`drop schema ${PER_WINDOW_SCHEMA} cascade`);
      }
    }
  }
  for (const { table, order } of PER_ARTIST) {
    await conn.run(
      `create table main.${table} as select * from temp.${table} order by artist_id, window_name, ${order}`,
    );
    await conn.run(`drop table temp.${table}`);
  }
}

/** What a snapshot keeps for its standard windows (`keepStandardWindows`). */
export async function readKeptWindows(conn: DuckDBConnection): Promise<KeptWindows> {
  const rows = await readRows(conn, 'select * from kept_windows');
  return new Map(
    rows.map((row) => [
      keyOf(row.window_start === null ? null : String(row.window_start), String(row.window_end)),
      row.same_as_all ? 'all' : String(row.window_name),
    ]),
  );
}
