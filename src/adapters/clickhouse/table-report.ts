import type { DataReport } from '../../domain/data-report.js';
import type { Settings } from '../../domain/settings.js';
import { clickHouseStatement } from './clickhouse-sql.js';
import type { ClickHouseTransport, QueryParams } from './transport.js';

/**
 * The data report of tables the platform filled itself (no `fanbase prepare`): what they hold and make.
 * Row-level problems are for the platform's inserts; ClickHouse has already enforced the column types.
 */
export async function reportFromTables(
  transport: ClickHouseTransport,
  settings: Settings,
  params: QueryParams,
): Promise<DataReport> {
  const [row] = await transport.query(clickHouseStatement('dataset_totals'), { ...params, artist_id: null });
  const totals = {
    users: Number(row?.users ?? 0),
    eligible_users: Number(row?.eligible_users ?? 0),
    streams: Number(row?.streams ?? 0),
    follows: Number(row?.follows ?? 0),
    artists_with_fans: null,
    fans: null,
  };
  return {
    as_of: settings.asOf,
    sources: [
      {
        table: 'users',
        format: 'clickhouse',
        files: [`${transport.target} users_source`],
        rows: totals.users,
        missing_columns: [],
      },
      {
        table: 'streams',
        format: 'clickhouse',
        files: [`${transport.target} streams_source`],
        rows: totals.streams,
        missing_columns: [],
      },
      {
        table: 'follows',
        format: 'clickhouse',
        files: [`${transport.target} follows_source`],
        rows: totals.follows,
        missing_columns: [],
      },
    ],
    issues: [],
    totals,
    warnings: [
      'fans and artists with fans are not counted for tables filled without fanbase prepare (a pass over every artist)',
    ],
    timings: {},
  };
}
