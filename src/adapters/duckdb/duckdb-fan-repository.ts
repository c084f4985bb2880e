import { availableParallelism } from 'node:os';
import { BIGINT, DuckDBInstance } from '@duckdb/node-api';
import type { DataReport } from '../../domain/data-report.js';
import { FanbaseError } from '../../domain/errors.js';
import type { FanRepository } from '../../domain/fan-repository.js';
import type { ArtistProfile, FanRecord } from '../../domain/records.js';
import type { Settings } from '../../domain/settings.js';
import { ConnectionPool } from './connection-pool.js';
import { loadDataset } from './load-dataset.js';
import type { Mapping } from './mapping.js';
import type { PlainValue } from './plain-values.js';

/** Engine settings of the embedded DuckDB. */
export interface DuckDbOptions {
  /** Worker threads (default: the machine's cores). */
  threads?: number;
  /** DuckDB memory limit, e.g. `'4GB'` (default: DuckDB's, 80% of RAM). */
  memoryLimit?: string;
  /** Connections serving concurrent calls (default 4). */
  connections?: number;
}

/** The FanRepository over an embedded, in-memory DuckDB loaded from the exports once. */
export class DuckDbFanRepository implements FanRepository {
  readonly report: DataReport;
  private readonly instance: DuckDBInstance;
  private readonly pool: ConnectionPool;

  private constructor(instance: DuckDBInstance, pool: ConnectionPool, report: DataReport) {
    this.instance = instance;
    this.pool = pool;
    this.report = report;
  }

  /** Loads the exports of `dataDir` and returns a repository answering from their aggregates. */
  static async open(
    dataDir: string,
    mapping: Mapping,
    settings: Settings,
    options: DuckDbOptions = {},
  ): Promise<DuckDbFanRepository> {
    const config: Record<string, string> = {
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
      threads: String(options.threads ?? availableParallelism()),
    };
    if (options.memoryLimit) config.memory_limit = options.memoryLimit;
    const instance = await DuckDBInstance.create(':memory:', config);
    try {
      const loader = await instance.connect();
      let report: DataReport;
      try {
        report = await loadDataset(loader, dataDir, mapping, settings);
      } finally {
        loader.closeSync();
      }
      const pool = await ConnectionPool.create(instance, options.connections ?? 4);
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

  async fans(artistId: number): Promise<FanRecord[]> {
    const rows = await this.pool.use((c) =>
      c.query('artist_fans', { artist_id: artistId }, { artist_id: BIGINT }),
    );
    return rows.map(toFanRecord);
  }

  async close(): Promise<void> {
    await this.pool.close();
    this.instance.closeSync();
  }
}

function toArtistProfile(row: Record<string, PlainValue>): ArtistProfile {
  return {
    artist_id: row.artist_id as number,
    total_fans: row.total_fans as number,
    age_counts: (row.age_counts ?? []) as unknown as ArtistProfile['age_counts'],
    country_counts: (row.country_counts ?? []) as unknown as ArtistProfile['country_counts'],
  };
}

function toFanRecord(row: Record<string, PlainValue>): FanRecord {
  const record = row as unknown as FanRecord;
  if (typeof record.user_id !== 'number' || typeof record.score !== 'number') {
    throw new FanbaseError('INTERNAL', 'a fan row read from DuckDB lacks user_id or score');
  }
  return record;
}
