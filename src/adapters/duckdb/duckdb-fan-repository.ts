import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import {
  BIGINT,
  DOUBLE,
  type DuckDBConnection,
  DuckDBInstance,
  LIST,
  listValue,
  VARCHAR,
} from '@duckdb/node-api';
import { type ContractTable, DATA_CONTRACT } from '../../domain/data-contract.js';
import { type DataReport, type PrepareOutcome, streamsHaveMsPlayed } from '../../domain/data-report.js';
import { dataUnreadable, internal, invalidArgument, invalidOptions } from '../../domain/errors.js';
import type { FanRepository } from '../../domain/fan-repository.js';
import {
  type ArtistProfile,
  checkedFanRecord,
  checkedProfile,
  checkedRankedFan,
  checkedTierCounts,
  checkedTrendMonth,
  EVERY_ARTIST,
  type FanRecord,
  type ProfilePage,
} from '../../domain/repository-rows.js';
import type { TierCounts } from '../../domain/segments.js';
import type { Settings } from '../../domain/settings.js';
import { settingsParameters } from '../../domain/settings-parameters.js';
import type { TimeWindow } from '../../domain/time-window.js';
import type { RankedFan } from '../../domain/top-fans-index.js';
import type { TrendMonth } from '../../domain/trend.js';
import { type EngineOptions, instanceConfig } from '../../duckdb/instance-config.js';
import type { PlainValue } from '../../duckdb/plain-values.js';
import { readRows } from '../../duckdb/read-rows.js';
import { boundParameters, type Param, sqlFile } from '../../duckdb/sql-files.js';
import { dropAllBut, LOAD_STEPS, loadDataset } from '../../load/load-dataset.js';
import { type LoadOptions, LoadSteps } from '../../load/load-progress.js';
import { locateSource } from '../../load/locate-source.js';
import type { Mapping } from '../../load/mapping.js';
import { createSourceView } from '../../load/source-view.js';
import { VERSION } from '../../version.js';
import { ConnectionPool } from './connection-pool.js';
import {
  KEPT_WINDOW_TABLES,
  type KeptWindows,
  keepStandardWindows,
  keptAnswer,
  readKeptWindows,
} from './kept-windows.js';
import { removeDatabase, removeLeftovers } from './snapshot-files.js';
import {
  FullPrepareNeeded,
  listStreamParts,
  mergedReport,
  planRefresh,
  readSnapshotState,
  type SnapshotState,
  type StreamPart,
} from './snapshot-refresh.js';

/** Settings of the embedded DuckDB: the instance's, and the repository's connections. */
export interface DuckDbOptions extends EngineOptions {
  /** Connections serving concurrent calls (default 4). */
  connections?: number;
  /** A query running longer is interrupted and the call fails with QUERY_TIMEOUT (default 60 s; 0: none). */
  queryTimeoutMs?: number;
}

/** The FanRepository over an embedded, in-memory DuckDB loaded from the exports once. */
export class DuckDbFanRepository implements FanRepository {
  readonly report: DataReport;
  private readonly instance: DuckDBInstance;
  private readonly pool: ConnectionPool;
  /** The settings as the SQL binds them, for the questions over a window (which run the load's SQL again). */
  private readonly params: Record<string, Param>;
  private closing: Promise<void> | undefined;
  /** The standard windows a snapshot keeps answers for (none for exports loaded in memory). */
  private readonly kept: KeptWindows;

  private constructor(
    instance: DuckDBInstance,
    pool: ConnectionPool,
    report: DataReport,
    settings: Settings,
    kept: KeptWindows = new Map(),
  ) {
    this.instance = instance;
    this.kept = kept;
    this.pool = pool;
    this.report = report;
    this.params = settingsParameters(settings, streamsHaveMsPlayed(report.sources));
  }

  /**
   * Loads the exports of `dataDir` once and writes the aggregates the tools need into a DuckDB file at
   * `out`, atomically: built under a temporary name, then renamed over `out`. A crash mid-way leaves the
   * previous snapshot as it was. Onto a snapshot of the same settings and mapping, only the stream parts it
   * has not seen are read (with the whole users and follows exports): an incremental prepare, whose answers
   * are those of a full one; where it cannot be (`planRefresh`, and the new streams must be later than the
   * snapshot's), the prepare reads everything again and `prepare.reason` in the returned report says why.
   */
  static async prepare(
    dataDir: string,
    mapping: Mapping,
    settings: Settings,
    out: string,
    options: DuckDbOptions & LoadOptions = {},
  ): Promise<PreparedReport> {
    removeLeftovers(out);
    const mappingText = JSON.stringify(mapping);
    const parts = await listStreamParts(dataDir, mapping);
    const exists = existsSync(out);
    const plan = planRefresh(
      exists,
      exists ? await readSnapshotState(out, SNAPSHOT_FORMAT) : null,
      settings,
      mappingText,
      parts,
    );
    const write = async (
      built: Omit<SnapshotWrite, 'settings' | 'mapping' | 'parts'>,
      conn: DuckDBConnection,
      steps: LoadSteps,
    ) => {
      const params = settingsParameters(settings, streamsHaveMsPlayed(built.report.sources));
      await steps.run('keep windows', () => keepStandardWindows(conn, settings, params), conn);
      await writeMeta(conn, { ...built, settings, mapping: mappingText, parts });
    };
    let reason = plan.mode === 'full' ? plan.reason : null;
    if (plan.mode === 'incremental') {
      const { added, previous } = plan;
      try {
        return await buildSnapshot(out, options, true, async (conn, steps) => {
          const built = await refreshSnapshot(conn, dataDir, mapping, settings, steps, previous, added);
          await write(built, conn, steps);
          const outcome: PrepareOutcome = {
            mode: 'incremental',
            reason: null,
            parts_read: added.length,
            parts_kept: previous.parts.length,
          };
          return { ...built.report, prepare: outcome };
        });
      } catch (error) {
        if (!(error instanceof FullPrepareNeeded)) throw error;
        reason = error.message;
      }
    }
    return buildSnapshot(out, options, false, async (conn, steps) => {
      const report = await loadDataset(conn, dataDir, mapping, settings, steps);
      const through = await streamsThrough(conn);
      await write({ report, streamsThrough: through.last_day }, conn, steps);
      const outcome: PrepareOutcome = { mode: 'full', reason, parts_read: parts.length, parts_kept: 0 };
      return { ...report, prepare: outcome };
    });
  }

  /** Opens a prepared snapshot read-only (several processes can share it) with the settings it was made for. */
  static async openSnapshot(
    file: string,
    options: DuckDbOptions = {},
  ): Promise<{ repository: DuckDbFanRepository; settings: Settings }> {
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(file, { ...engineConfig(options), access_mode: 'READ_ONLY' });
    } catch (error) {
      throw dataUnreadable(
        `${file} cannot be opened as a fanbase snapshot (${(error as Error).message.split('\n')[0]}): prepare it again with fanbase prepare`,
        { file },
      );
    }
    try {
      const conn = await instance.connect();
      let meta: Record<string, PlainValue> | undefined;
      let kept: KeptWindows = new Map();
      try {
        meta = (await readRows(conn, 'select * from snapshot_meta'))[0];
        if (meta?.format_version === SNAPSHOT_FORMAT) kept = await readKeptWindows(conn);
      } catch {
        meta = undefined;
      } finally {
        conn.closeSync();
      }
      if (!meta || meta.format_version !== SNAPSHOT_FORMAT) {
        throw dataUnreadable(
          `${file} is not a fanbase snapshot of format ${SNAPSHOT_FORMAT}: prepare it again with fanbase prepare`,
          { file },
        );
      }
      const pool = await ConnectionPool.create(
        instance,
        options.connections ?? DEFAULT_CONNECTIONS,
        options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS,
      );
      const report = JSON.parse(String(meta.report)) as DataReport;
      const settings = JSON.parse(String(meta.settings)) as Settings;
      return { repository: new DuckDbFanRepository(instance, pool, report, settings, kept), settings };
    } catch (error) {
      instance.closeSync();
      throw error;
    }
  }

  /** Loads the exports of `dataDir` and returns a repository answering from their aggregates. */
  static async open(
    dataDir: string,
    mapping: Mapping,
    settings: Settings,
    options: DuckDbOptions & LoadOptions = {},
  ): Promise<DuckDbFanRepository> {
    const instance = await DuckDBInstance.create(':memory:', engineConfig(options));
    try {
      const loader = await instance.connect();
      let report: DataReport;
      try {
        report = await loadDataset(
          loader,
          dataDir,
          mapping,
          settings,
          new LoadSteps(LOAD_STEPS, options.onProgress),
        );
        await keepAnswerTables(loader, ANSWER_TABLES);
      } finally {
        loader.closeSync();
      }
      const pool = await ConnectionPool.create(
        instance,
        options.connections ?? DEFAULT_CONNECTIONS,
        options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS,
      );
      return new DuckDbFanRepository(instance, pool, report, settings);
    } catch (error) {
      instance.closeSync();
      throw error;
    }
  }

  async artistProfile(artistId: number, window?: TimeWindow | null): Promise<ArtistProfile> {
    const rows = await this.ask(QUESTIONS.artist_profile, { artist_id: artistId }, window);
    const row = rows[0];
    return row
      ? toArtistProfile(row)
      : { artist_id: artistId, total_fans: 0, age_counts: [], country_counts: [] };
  }

  async artistProfiles(window?: TimeWindow | null, page?: ProfilePage): Promise<ArtistProfile[]> {
    const params = page ?? EVERY_ARTIST;
    return (await this.ask(QUESTIONS.every_artist_profile, { ...params }, window)).map(toArtistProfile);
  }

  async topFans(
    artistId: number,
    limit: number,
    window?: TimeWindow | null,
    offset = 0,
  ): Promise<FanRecord[]> {
    const params = { artist_id: artistId, limit, offset };
    return (await this.ask(QUESTIONS.top_fans, params, window)).map(toFanRecord);
  }

  async everyTopFans(limit: number): Promise<RankedFan[]> {
    return (await this.ask(QUESTIONS.every_top_fans, { limit }, null)).map((row) =>
      checkedRankedFan(row, ENGINE),
    );
  }

  async artistSegments(artistId: number, window?: TimeWindow | null): Promise<TierCounts> {
    const kept = this.keptPerArtist(window);
    // the tiers' thresholds are the score's half points (not every setting: the window's own bounds win)
    const { streams_half, active_days_half } = this.params;
    const params = {
      artist_id: artistId,
      streams_half: streams_half ?? null,
      active_days_half: active_days_half ?? null,
    };
    const rows =
      kept === undefined
        ? await this.ask(QUESTIONS.artist_segments, params, window)
        : await this.pool.use((c) =>
            c.query(
              'kept_artist_segments',
              { artist_id: artistId, window_name: kept },
              { artist_id: BIGINT },
            ),
          );
    return checkedTierCounts(rows[0], ENGINE);
  }

  async artistTrend(artistId: number, window?: TimeWindow | null): Promise<TrendMonth[]> {
    const kept = this.keptPerArtist(window);
    if (kept !== undefined) {
      const params = { artist_id: artistId, window_name: kept };
      const rows = await this.pool.use((c) => c.query('kept_artist_trend', params, { artist_id: BIGINT }));
      return rows.map((row) => checkedTrendMonth(row, ENGINE));
    }
    // over `all`, the load's days (a follow made before its first day is no new fan of it)
    const { window_start: loadStart = null, as_of: asOf = null } = this.params;
    const days = window
      ? { window_start: window.start, window_end: window.end }
      : { window_start: loadStart, window_end: asOf };
    const rows = await this.ask(QUESTIONS.artist_trend, { artist_id: artistId, ...days }, window);
    return rows.map((row) => checkedTrendMonth(row, ENGINE));
  }

  async fans(artistId: number, window?: TimeWindow | null): Promise<FanRecord[]> {
    return (await this.ask(QUESTIONS.artist_fans, { artist_id: artistId }, window)).map(toFanRecord);
  }

  /**
   * The window whose tiers and trend a snapshot keeps per artist (`artist_tiers`, `artist_trends`): `all`,
   * or a standard window's name; undefined for exports loaded in memory, or a window computed per question.
   */
  private keptPerArtist(window: TimeWindow | null | undefined): string | undefined {
    if (this.kept.size === 0) return undefined;
    return window ? keptAnswer(this.kept, window) : 'all';
  }

  close(): Promise<void> {
    this.closing ??= this.pool.close().then(() => this.instance.closeSync());
    return this.closing;
  }

  /**
   * `question` with `params`: from the load's tables as they are (`all`, and a standard window holding
   * every day the snapshot keeps), from the snapshot's window tables (the other standard windows of its
   * `as_of`), or over any other window's days, the load's relations computed again from the daily
   * aggregates (`windowedStatement`).
   */
  private ask(
    question: Question,
    params: Record<string, Param>,
    window: TimeWindow | null | undefined,
  ): Promise<Record<string, PlainValue>[]> {
    const types = { artist_id: BIGINT, limit: BIGINT, offset: BIGINT, after: BIGINT };
    const kept = window ? keptAnswer(this.kept, window) : 'all';
    if (kept === 'all') return this.pool.use((c) => c.query(question.all, params, types));
    if (kept !== undefined && question.kept !== undefined) {
      const name = question.kept;
      return this.pool.use((c) => c.query(name, { ...params, window_name: kept }, types));
    }
    if (!window || question.computed === undefined) {
      throw internal(`${question.all} has no windowed form`, {});
    }
    const { computed } = question;
    const bound = { ...this.params, window_start: window.start, window_end: window.end, ...params };
    return this.pool.use((c) => c.query(computed, bound, types, true));
  }
}

/**
 * The tables the repository answers from; the rest of the load is dropped to free memory. `fans` and
 * `artist_profiles` answer the load's window as they are; a question's window is computed from the daily
 * aggregates (`streams_daily`, `user_daily`), the dated follows and the consenting users.
 */
const ANSWER_TABLES = new Set(['fans', 'artist_profiles', 'streams_daily', 'user_daily', 'follows', 'users']);
/** What a snapshot keeps besides: the sums an incremental prepare adds to, and the standard windows. */
const SNAPSHOT_TABLES = new Set([...ANSWER_TABLES, 'fan_listening', 'user_volume', ...KEPT_WINDOW_TABLES]);
const DEFAULT_CONNECTIONS = 4;
/** Every query answers in milliseconds from the aggregates; the longest (every artist at once) in seconds. */
const DEFAULT_QUERY_TIMEOUT_MS = 60_000;
/** Bumped whenever the tables of a snapshot change shape: an older snapshot must be prepared again. */
const SNAPSHOT_FORMAT = 5;

/** The report `prepare` returns: the data report, and how the prepare went (not stored in the snapshot). */
export type PreparedReport = DataReport & { prepare: PrepareOutcome };

/** What a snapshot's metadata records beside its tables. */
interface SnapshotWrite {
  report: DataReport;
  settings: Settings;
  mapping: string;
  streamsThrough: string | null;
  parts: StreamPart[];
}

/**
 * Builds a snapshot under a temporary name beside `out` (a copy of `out` when `fromOut`: an incremental
 * prepare changes a copy, never the snapshot readers have open), then renames it over `out`: the commit.
 * On any failure the temporary file is removed and `out` is as it was.
 */
async function buildSnapshot(
  out: string,
  options: DuckDbOptions & LoadOptions,
  fromOut: boolean,
  build: (conn: DuckDBConnection, steps: LoadSteps) => Promise<PreparedReport>,
): Promise<PreparedReport> {
  const temporary = `${out}.${process.pid}.tmp`;
  removeDatabase(temporary);
  let instance: DuckDBInstance;
  try {
    if (fromOut) copyFileSync(out, temporary);
    instance = await DuckDBInstance.create(temporary, engineConfig(options));
  } catch (error) {
    removeDatabase(temporary);
    throw invalidArgument(`out ${out}: cannot create ${temporary}: ${(error as Error).message}`, {
      field: 'out',
    });
  }
  try {
    const conn = await instance.connect();
    try {
      const names = fromOut
        ? [...LOAD_STEPS, 'merge snapshot', 'keep windows', 'write snapshot']
        : [...LOAD_STEPS, 'keep windows', 'write snapshot'];
      const steps = new LoadSteps(names, options.onProgress);
      const report = await build(conn, steps);
      await steps.run('write snapshot', () => conn.run('checkpoint'));
      // every step of the prepare, the load's and the snapshot's
      report.timings = { ...steps.timings };
      conn.closeSync();
      instance.closeSync();
      // the rename is the commit: readers see the old snapshot or the new one, never a part of either
      renameSync(temporary, out);
      rmSync(`${temporary}.wal`, { force: true });
      return report;
    } catch (error) {
      conn.closeSync();
      instance.closeSync();
      throw error;
    }
  } catch (error) {
    removeDatabase(temporary);
    throw error;
  }
}

/** Keeps the answer tables and records the snapshot's metadata and the stream parts it holds. */
async function writeMeta(conn: DuckDBConnection, write: SnapshotWrite): Promise<void> {
  await keepAnswerTables(conn, SNAPSHOT_TABLES);
  await conn.run(`create table snapshot_meta as ${sqlFile('duckdb/snapshot_meta')}`, {
    format_version: SNAPSHOT_FORMAT,
    fanbase_version: VERSION,
    settings: JSON.stringify(write.settings),
    mapping: write.mapping,
    report: JSON.stringify(write.report),
    streams_through: write.streamsThrough,
  });
  await conn.run(
    `create table snapshot_parts as ${sqlFile('duckdb/snapshot_parts')}`,
    {
      files: listValue(write.parts.map((p) => p.file)),
      bytes: listValue(write.parts.map((p) => BigInt(p.bytes))),
      modified_ms: listValue(write.parts.map((p) => p.modified_ms)),
    },
    { files: LIST(VARCHAR), bytes: LIST(BIGINT), modified_ms: LIST(DOUBLE) },
  );
}

/** The first and last day of the streams the load just read (null when none). */
async function streamsThrough(
  conn: DuckDBConnection,
): Promise<{ first_day: string | null; last_day: string | null }> {
  const row = (await readRows(conn, sqlFile('duckdb/streams_through')))[0];
  const day = (value: unknown) => (value === null || value === undefined ? null : String(value));
  return { first_day: day(row?.first_day), last_day: day(row?.last_day) };
}

/**
 * The incremental prepare, on a copy of the snapshot: the users and follows exports read whole again (so a
 * withdrawn consent or a corrected birth date holds in every answer), the new stream parts aggregated by
 * day and summed, their days and sums added to the snapshot's (`mergeSnapshot`), then the scores, fans and
 * profiles computed again from the sums (ages, recency and the window move with `as_of`). Throws
 * `FullPrepareNeeded` where that would not give the
 * answers of a full prepare: a new stream not later than the snapshot's last, new parts without the
 * columns of the old, or a user who consents now with streams in the parts already read.
 */
async function refreshSnapshot(
  conn: DuckDBConnection,
  dataDir: string,
  mapping: Mapping,
  settings: Settings,
  steps: LoadSteps,
  previous: SnapshotState,
  added: StreamPart[],
): Promise<{ report: DataReport; streamsThrough: string | null }> {
  for (const table of KEPT_SUMS) {
    await conn.run(`alter table ${table} rename to previous_${table}`);
  }
  // what is derived from the sums and the exports read whole is built again
  for (const table of [
    'fans',
    'artist_profiles',
    'follows',
    'snapshot_meta',
    'snapshot_parts',
    ...KEPT_WINDOW_TABLES,
  ]) {
    await conn.run(`drop table ${table}`);
  }
  const loaded = await loadDataset(
    conn,
    dataDir,
    mapping,
    settings,
    steps,
    added.map((p) => p.file),
  );
  const through = await streamsThrough(conn);
  const before = previous.report.sources.find((s) => s.table === 'streams');
  if (added.length > 0) {
    if (
      through.first_day !== null &&
      previous.streamsThrough !== null &&
      through.first_day <= previous.streamsThrough
    ) {
      throw new FullPrepareNeeded(
        `the new stream parts hold streams of ${through.first_day}, not after ${previous.streamsThrough}, the last day the snapshot holds`,
      );
    }
    const now = loaded.sources.find((s) => s.table === 'streams');
    if (JSON.stringify(now?.missing_columns) !== JSON.stringify(before?.missing_columns)) {
      throw new FullPrepareNeeded("the new stream parts do not have the columns of the snapshot's");
    }
  }
  const newly = Number((await readRows(conn, sqlFile('duckdb/newly_consenting')))[0]?.users ?? 0);
  if (newly > 0 && previous.parts.length > 0) {
    // their streams in the parts already read were never kept: look for any
    const located = locateSource(dataDir, STREAMS_TABLE, mapping.streams);
    const files = previous.parts.map((p) => p.file);
    if (located)
      await createSourceView(conn, { table: STREAMS_TABLE, format: located.format, files }, mapping.streams);
    const earlier = await readRows(conn, sqlFile('duckdb/newly_consenting_streams'));
    const count = Number(earlier[0]?.streams ?? 0);
    if (count > 0) {
      throw new FullPrepareNeeded(
        `${newly} user(s) consent now who did not when the snapshot was prepared, with ${count} stream(s) in the parts it read`,
      );
    }
  }
  const report = mergedReport(previous.report, loaded, added.length);
  const params = settingsParameters(settings, streamsHaveMsPlayed(report.sources));
  await steps.run(
    'merge snapshot',
    () => mergeSnapshot(conn, params, previous.settings.windowStart !== settings.windowStart),
    conn,
  );
  const counts = (await readRows(conn, sqlFile('duckdb/answer_totals')))[0];
  report.totals = {
    ...report.totals,
    artists_with_fans: Number(counts?.artists_with_fans),
    fans: Number(counts?.fans),
  };
  const last = [previous.streamsThrough, through.last_day].filter((d): d is string => d !== null).sort();
  return { report, streamsThrough: last.at(-1) ?? null };
}

/** What the incremental prepare adds the new days to: the days, and the sums the scores are read from. */
const KEPT_SUMS = ['streams_daily', 'user_daily', 'fan_listening', 'user_volume', 'users'] as const;

/**
 * Adds the new days (the load's `streams_daily`, `user_daily`, `fan_listening` and `user_volume`, of the new
 * parts only) to the snapshot's (`previous_*`), without reading its days again: the rows of users who no
 * longer consent are deleted, the new days' rows appended (they are later than every day kept) and the sums
 * added up (`merged_fan_listening`, `merged_user_volume`). Where the load's window moved (`fan.windowDays`),
 * the days it left are deleted and the sums computed again from the days kept, by the load's own files.
 * Then the scores, fans and profiles are computed again from the sums (recency and ages move with `as_of`).
 */
async function mergeSnapshot(
  conn: DuckDBConnection,
  params: Record<string, Param>,
  windowMoved: boolean,
): Promise<void> {
  const run = (sql: string) => conn.run(sql, boundParameters(sql, params));
  await run(`create table withdrawn_users as ${sqlFile('duckdb/withdrawn_users')}`);
  const withdrawn = Number(
    (await readRows(conn, 'select count(*)::integer as n from withdrawn_users'))[0]?.n,
  );
  for (const table of ['streams_daily', 'user_daily']) {
    if (withdrawn > 0) {
      await run(`delete from previous_${table} where user_id in (select user_id from withdrawn_users)`);
    }
    if (windowMoved) await run(`delete from previous_${table} where day < $window_start::date`);
    await run(`insert into previous_${table} select * from ${table}`);
    await run(`drop table ${table}`);
    await run(`alter table previous_${table} rename to ${table}`);
  }
  for (const relation of ['fan_listening', 'user_volume']) {
    const sql = windowMoved ? sqlFile(`load/${relation}`) : sqlFile(`duckdb/merged_${relation}`);
    await run(`create table merged_${relation} as ${sql}`);
    await run(`drop table ${relation}`);
    await run(`drop table previous_${relation}`);
    await run(`alter table merged_${relation} rename to ${relation}`);
  }
  for (const table of ['withdrawn_users', 'previous_users']) await run(`drop table ${table}`);
  for (const relation of ['fan_scores', 'fans', 'artist_profiles']) {
    await run(`create or replace table ${relation} as ${sqlFile(`load/${relation}`)}`);
  }
}

const STREAMS_TABLE = DATA_CONTRACT.find((t) => t.name === 'streams') as ContractTable;

/**
 * Each question's statements (`sql/duckdb/<name>.sql`): over `all`, over a standard window the snapshot
 * keeps, and over any other window (composed by `windowedStatement`).
 */
interface Question {
  all: string;
  kept?: string;
  computed?: string;
}
const QUESTIONS = {
  artist_profile: {
    all: 'artist_profile',
    kept: 'kept_window_artist_profile',
    computed: 'artist_profile',
  },
  every_artist_profile: {
    all: 'every_artist_profile',
    kept: 'kept_window_every_artist_profile',
    computed: 'every_artist_profile',
  },
  top_fans: { all: 'top_fans', kept: 'kept_window_top_fans', computed: 'window_top_fans' },
  artist_fans: { all: 'artist_fans', kept: 'kept_window_artist_fans', computed: 'window_artist_fans' },
  // over a window, the same statement over the window's fans (windowedStatement); a snapshot keeps both
  // per artist over its kept windows (artist_tiers, artist_trends: keptPerArtist)
  artist_segments: { all: 'artist_segments', computed: 'artist_segments' },
  artist_trend: { all: 'artist_trend', computed: 'artist_trend' },
  every_top_fans: { all: 'every_top_fans' },
} as const satisfies Record<string, Question>;

/** Who answered, in the messages of rows that do not check. */
const ENGINE = 'DuckDB';
const toArtistProfile = (row: Record<string, PlainValue>): ArtistProfile => checkedProfile(row, ENGINE);
const toFanRecord = (row: Record<string, PlainValue>): FanRecord => checkedFanRecord(row, ENGINE);

/**
 * Drops what the answers do not read, and of the users keeps the consenting ones and what an answer shows
 * of them (`sql/duckdb/kept_users.sql`): nothing of a user who did not consent stays in memory or on disk.
 */
async function keepAnswerTables(conn: DuckDBConnection, kept: ReadonlySet<string>): Promise<void> {
  await dropAllBut(conn, kept);
  await conn.run(`create table kept_users as ${sqlFile('duckdb/kept_users')}`);
  await conn.run('drop table users');
  await conn.run('alter table kept_users rename to users');
}

/** The instance configuration, and the connection count checked with it. */
function engineConfig(options: DuckDbOptions): Record<string, string> {
  const { connections } = options;
  if (
    connections !== undefined &&
    (!Number.isSafeInteger(connections) || connections < 1 || connections > 64)
  ) {
    throw invalidOptions(`connections must be a whole number from 1 to 64, got ${connections}`, {
      field: 'connections',
    });
  }
  return instanceConfig(options);
}
