import { renameSync, rmSync } from 'node:fs';
import { BIGINT, type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { type DataReport, streamsHaveMsPlayed } from '../../domain/data-report.js';
import { dataUnreadable, invalidArgument, invalidOptions } from '../../domain/errors.js';
import type { FanRepository } from '../../domain/fan-repository.js';
import {
  type ArtistProfile,
  checkedFanRecord,
  checkedProfile,
  checkedRankedFan,
  type FanRecord,
} from '../../domain/repository-rows.js';
import type { Settings } from '../../domain/settings.js';
import { settingsParameters } from '../../domain/settings-parameters.js';
import type { TimeWindow } from '../../domain/time-window.js';
import type { RankedFan } from '../../domain/top-fans-index.js';
import { type EngineOptions, instanceConfig } from '../../duckdb/instance-config.js';
import type { PlainValue } from '../../duckdb/plain-values.js';
import { readRows } from '../../duckdb/read-rows.js';
import { type Param, sqlFile } from '../../duckdb/sql-files.js';
import { dropAllBut, LOAD_STEPS, loadDataset } from '../../load/load-dataset.js';
import { type LoadOptions, LoadSteps } from '../../load/load-progress.js';
import type { Mapping } from '../../load/mapping.js';
import { VERSION } from '../../version.js';
import { ConnectionPool } from './connection-pool.js';
import { removeDatabase, removeLeftovers } from './snapshot-files.js';

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

  private constructor(
    instance: DuckDBInstance,
    pool: ConnectionPool,
    report: DataReport,
    settings: Settings,
  ) {
    this.instance = instance;
    this.pool = pool;
    this.report = report;
    this.params = settingsParameters(settings, streamsHaveMsPlayed(report.sources));
  }

  /**
   * Loads the exports of `dataDir` once and writes the aggregates the tools need into a DuckDB file at
   * `out`, atomically: built under a temporary name, then renamed over `out`. A crash mid-way leaves the
   * previous snapshot as it was.
   */
  static async prepare(
    dataDir: string,
    mapping: Mapping,
    settings: Settings,
    out: string,
    options: DuckDbOptions & LoadOptions = {},
  ): Promise<DataReport> {
    const temporary = `${out}.${process.pid}.tmp`;
    removeLeftovers(out);
    removeDatabase(temporary);
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(temporary, engineConfig(options));
    } catch (error) {
      throw invalidArgument(`out ${out}: cannot create ${temporary}: ${(error as Error).message}`, {
        field: 'out',
      });
    }
    try {
      const conn = await instance.connect();
      try {
        const steps = new LoadSteps([...LOAD_STEPS, 'write snapshot'], options.onProgress);
        const report = await loadDataset(conn, dataDir, mapping, settings, steps);
        await keepAnswerTables(conn);
        await conn.run(`create table snapshot_meta as ${sqlFile('duckdb/snapshot_meta')}`, {
          format_version: SNAPSHOT_FORMAT,
          fanbase_version: VERSION,
          settings: JSON.stringify(settings),
          report: JSON.stringify(report),
        });
        await steps.run('write snapshot', () => conn.run('checkpoint'));
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
      try {
        meta = (await readRows(conn, 'select * from snapshot_meta'))[0];
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
      return { repository: new DuckDbFanRepository(instance, pool, report, settings), settings };
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
        await keepAnswerTables(loader);
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
    const rows = await this.ask('artist_profile', { artist_id: artistId }, window);
    const row = rows[0];
    return row
      ? toArtistProfile(row)
      : { artist_id: artistId, total_fans: 0, age_counts: [], country_counts: [] };
  }

  async artistProfiles(window?: TimeWindow | null): Promise<ArtistProfile[]> {
    return (await this.ask('every_artist_profile', {}, window)).map(toArtistProfile);
  }

  async topFans(artistId: number, limit: number, window?: TimeWindow | null): Promise<FanRecord[]> {
    return (await this.ask('top_fans', { artist_id: artistId, limit }, window)).map(toFanRecord);
  }

  async everyTopFans(limit: number): Promise<RankedFan[]> {
    return (await this.ask('every_top_fans', { limit }, null)).map((row) => checkedRankedFan(row, ENGINE));
  }

  async fans(artistId: number, window?: TimeWindow | null): Promise<FanRecord[]> {
    return (await this.ask('artist_fans', { artist_id: artistId }, window)).map(toFanRecord);
  }

  close(): Promise<void> {
    this.closing ??= this.pool.close().then(() => this.instance.closeSync());
    return this.closing;
  }

  /**
   * Question `name` with `params`: from the load's tables as they are, or over `window`'s days, the load's
   * relations computed again from the daily aggregates (`windowedStatement`).
   */
  private ask(
    name: string,
    params: Record<string, Param>,
    window: TimeWindow | null | undefined,
  ): Promise<Record<string, PlainValue>[]> {
    const types = { artist_id: BIGINT, limit: BIGINT };
    if (!window) return this.pool.use((c) => c.query(name, params, types));
    const bound = { ...this.params, window_start: window.start, window_end: window.end, ...params };
    return this.pool.use((c) => c.query(name, bound, types, true));
  }
}

/**
 * The tables the repository answers from; the rest of the load is dropped to free memory. `fans` and
 * `artist_profiles` answer the load's window as they are; a question's window is computed from the daily
 * aggregates (`streams_daily`, `user_daily`), the dated follows and the consenting users.
 */
const ANSWER_TABLES = new Set(['fans', 'artist_profiles', 'streams_daily', 'user_daily', 'follows', 'users']);
const DEFAULT_CONNECTIONS = 4;
/** Every query answers in milliseconds from the aggregates; the longest (every artist at once) in seconds. */
const DEFAULT_QUERY_TIMEOUT_MS = 60_000;
/** Bumped whenever the tables of a snapshot change shape: an older snapshot must be prepared again. */
const SNAPSHOT_FORMAT = 2;

/** Who answered, in the messages of rows that do not check. */
const ENGINE = 'DuckDB';
const toArtistProfile = (row: Record<string, PlainValue>): ArtistProfile => checkedProfile(row, ENGINE);
const toFanRecord = (row: Record<string, PlainValue>): FanRecord => checkedFanRecord(row, ENGINE);

/**
 * Drops what the answers do not read, and of the users keeps the consenting ones and what an answer shows
 * of them (`sql/duckdb/kept_users.sql`): nothing of a user who did not consent stays in memory or on disk.
 */
async function keepAnswerTables(conn: DuckDBConnection): Promise<void> {
  await dropAllBut(conn, ANSWER_TABLES);
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
