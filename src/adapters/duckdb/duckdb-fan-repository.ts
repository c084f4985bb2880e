import { renameSync, rmSync } from 'node:fs';
import { BIGINT, DuckDBInstance } from '@duckdb/node-api';
import type { DataReport } from '../../domain/data-report.js';
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
import type { RankedFan } from '../../domain/top-fans-index.js';
import { type EngineOptions, instanceConfig } from '../../duckdb/instance-config.js';
import type { PlainValue } from '../../duckdb/plain-values.js';
import { readRows } from '../../duckdb/read-rows.js';
import { sqlFile } from '../../duckdb/sql-files.js';
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
  private closing: Promise<void> | undefined;

  private constructor(instance: DuckDBInstance, pool: ConnectionPool, report: DataReport) {
    this.instance = instance;
    this.pool = pool;
    this.report = report;
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
        await dropAllBut(conn, ANSWER_TABLES);
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
      return {
        repository: new DuckDbFanRepository(instance, pool, report),
        settings: JSON.parse(String(meta.settings)) as Settings,
      };
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
        await dropAllBut(loader, ANSWER_TABLES);
      } finally {
        loader.closeSync();
      }
      const pool = await ConnectionPool.create(
        instance,
        options.connections ?? DEFAULT_CONNECTIONS,
        options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS,
      );
      return new DuckDbFanRepository(instance, pool, report);
    } catch (error) {
      instance.closeSync();
      throw error;
    }
  }

  async artistProfile(artistId: number): Promise<ArtistProfile> {
    const rows = await this.pool.use((c) =>
      c.query('artist_profile', { artist_id: artistId }, { artist_id: BIGINT }),
    );
    const row = rows[0];
    return row
      ? toArtistProfile(row)
      : { artist_id: artistId, total_fans: 0, age_counts: [], country_counts: [] };
  }

  async artistProfiles(): Promise<ArtistProfile[]> {
    return (await this.pool.use((c) => c.query('every_artist_profile', {}))).map(toArtistProfile);
  }

  async topFans(artistId: number, limit: number): Promise<FanRecord[]> {
    const rows = await this.pool.use((c) =>
      c.query('top_fans', { artist_id: artistId, limit }, { artist_id: BIGINT, limit: BIGINT }),
    );
    return rows.map(toFanRecord);
  }

  async everyTopFans(limit: number): Promise<RankedFan[]> {
    const rows = await this.pool.use((c) => c.query('every_top_fans', { limit }, { limit: BIGINT }));
    return rows.map((row) => checkedRankedFan(row, ENGINE));
  }

  async fans(artistId: number): Promise<FanRecord[]> {
    const rows = await this.pool.use((c) =>
      c.query('artist_fans', { artist_id: artistId }, { artist_id: BIGINT }),
    );
    return rows.map(toFanRecord);
  }

  close(): Promise<void> {
    this.closing ??= this.pool.close().then(() => this.instance.closeSync());
    return this.closing;
  }
}

/** The tables the repository answers from; the rest of the load is dropped to free memory. */
const ANSWER_TABLES = new Set(['fans', 'artist_profiles']);
const DEFAULT_CONNECTIONS = 4;
/** Every query answers in milliseconds from the aggregates; the longest (every artist at once) in seconds. */
const DEFAULT_QUERY_TIMEOUT_MS = 60_000;
/** Bumped whenever the tables of a snapshot change shape: an older snapshot must be prepared again. */
const SNAPSHOT_FORMAT = 1;

/** Who answered, in the messages of rows that do not check. */
const ENGINE = 'DuckDB';
const toArtistProfile = (row: Record<string, PlainValue>): ArtistProfile => checkedProfile(row, ENGINE);
const toFanRecord = (row: Record<string, PlainValue>): FanRecord => checkedFanRecord(row, ENGINE);

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
