import { ISO_COUNTRY_CODES } from '../../domain/countries.js';
import { type DataReport, streamsHaveMsPlayed } from '../../domain/data-report.js';
import { dataNotFound } from '../../domain/errors.js';
import type { FanRepository } from '../../domain/fan-repository.js';
import {
  type ArtistProfile,
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
import { fanRecord, rankedFan, tierCounts, toArtistProfile, trendMonth } from './clickhouse-rows.js';
import { clickHouseStatement } from './clickhouse-sql.js';
import { latestLoad, unfinishedLoad } from './load-record.js';
import { minMsPlayedMismatch, schemaSettings } from './schema.js';
import { reportFromTables } from './table-report.js';
import type { ClickHouseTransport, QueryParams } from './transport.js';

/**
 * The FanRepository over ClickHouse: a server, a cluster, or chdb. Nothing is prepared in memory: each
 * question reads the listening tables the materialized views keep up to date, so rows inserted into
 * `streams_source` count from the next question on.
 */
export class ClickHouseFanRepository implements FanRepository {
  readonly report: DataReport;
  private readonly transport: ClickHouseTransport;
  private readonly params: QueryParams;

  private constructor(transport: ClickHouseTransport, params: QueryParams, report: DataReport) {
    this.transport = transport;
    this.params = params;
    this.report = report;
  }

  /**
   * A repository answering with `settings` from the tables behind `transport`, which it owns from now on
   * (closed with it). The report is the last `fanbase prepare`'s, or else what the tables hold.
   */
  static async open(transport: ClickHouseTransport, settings: Settings): Promise<ClickHouseFanRepository> {
    try {
      const schema = await schemaSettings(transport);
      if (schema === undefined) {
        throw dataNotFound(
          `ClickHouse (${transport.target}) has no fanbase_settings row: create the schema with fanbase prepare --engine clickhouse, or with the DDL of sql/clickhouse/cluster (its last file records the settings)`,
          { table: 'fanbase_settings' },
        );
      }
      if (schema.minMsPlayed !== settings.fan.minMsPlayed) {
        throw minMsPlayedMismatch(transport, schema.minMsPlayed, settings.fan.minMsPlayed);
      }
      const load = await latestLoad(transport);
      if (load && !load.finished) throw unfinishedLoad(transport, load);
      const loaded = load?.report;
      const hasMsPlayed = streamsHaveMsPlayed(loaded?.sources ?? []);
      const params = parametersOf(settings, hasMsPlayed);
      const report: DataReport = loaded
        ? {
            ...loaded,
            // the answers are as of the settings' date, over the rows inserted since too
            as_of: settings.asOf,
            warnings: [
              ...loaded.warnings,
              `the report is the one of fanbase prepare at ${load?.loadedAt} (as of ${loaded.as_of}): rows inserted since are not in its counts`,
            ],
          }
        : await reportFromTables(transport, settings, params);
      return new ClickHouseFanRepository(transport, params, report);
    } catch (error) {
      await transport.close();
      throw error;
    }
  }

  async artistProfile(artistId: number, window?: TimeWindow | null): Promise<ArtistProfile> {
    const rows = await this.read('artist_profile', { artist_id: artistId }, window);
    const row = rows[0];
    return row
      ? toArtistProfile(row)
      : { artist_id: artistId, total_fans: 0, age_counts: [], country_counts: [] };
  }

  async artistProfiles(window?: TimeWindow | null, page?: ProfilePage): Promise<ArtistProfile[]> {
    return (await this.read('every_artist_profile', { ...(page ?? EVERY_ARTIST) }, window)).map(
      toArtistProfile,
    );
  }

  async topFans(
    artistId: number,
    limit: number,
    window?: TimeWindow | null,
    offset = 0,
  ): Promise<FanRecord[]> {
    return (await this.read('top_fans', { artist_id: artistId, limit, offset }, window)).map(fanRecord);
  }

  async everyTopFans(limit: number): Promise<RankedFan[]> {
    return (await this.read('every_top_fans', { limit })).map(rankedFan);
  }

  async artistSegments(artistId: number, window?: TimeWindow | null): Promise<TierCounts> {
    return tierCounts((await this.read('artist_segments', { artist_id: artistId }, window))[0]);
  }

  async artistTrend(artistId: number, window?: TimeWindow | null): Promise<TrendMonth[]> {
    // the first contacts look back from the window to the load's first day
    const params = { artist_id: artistId, load_start: this.params.window_start ?? null };
    return (await this.read('artist_trend', params, window)).map(trendMonth);
  }

  async fans(artistId: number, window?: TimeWindow | null): Promise<FanRecord[]> {
    return (await this.read('artist_fans', { artist_id: artistId }, window)).map(fanRecord);
  }

  close(): Promise<void> {
    return this.transport.close();
  }

  /** Question `name` with `params`, over `window`'s days (the load's when none: every relation is per question). */
  private read(
    name: string,
    params: QueryParams,
    window?: TimeWindow | null,
  ): Promise<Record<string, unknown>[]> {
    return this.transport.query(clickHouseStatement(name), {
      ...this.params,
      artist_id: null,
      limit: 0,
      offset: 0,
      ...(window ? { window_start: window.start, window_end: window.end } : {}),
      ...params,
    });
  }
}

/**
 * The query parameters every question binds: the settings (as DuckDB's SQL names them too), the reference
 * data, what the data can tell. `min_ms_played` is left out: the listening tables counted it on insert.
 */
export function parametersOf(settings: Settings, hasMsPlayed: boolean): QueryParams {
  const { min_ms_played: _, ...params } = settingsParameters(settings, hasMsPlayed);
  return { ...params, countries: [...ISO_COUNTRY_CODES], majority: settings.majority.byCountry };
}
