import type { DataReport } from '../../domain/data-report.js';
import { dataUnreadable, type FanbaseError } from '../../domain/errors.js';
import { VERSION } from '../../version.js';
import { clickHouseSqlFile } from './clickhouse-sql.js';
import type { ClickHouseTransport } from './transport.js';

/** Every table a load fills, the listening tables (filled by the views) included. */
export const TABLES_A_LOAD_FILLS = [
  'users_source',
  'streams_source',
  'follows_source',
  'artist_listening',
  'user_listening',
] as const;
/** What a user runs to load exports into tables again. */
export const TRUNCATE_STATEMENTS = [...TABLES_A_LOAD_FILLS, 'fanbase_loads']
  .map((t) => `truncate table ${t}`)
  .join('; ');

/** The last `fanbase prepare` into these tables, if any: when, whether it finished, its data report. */
export interface Load {
  loadedAt: string;
  finished: boolean;
  /** Undefined for a load that did not finish. */
  report: DataReport | undefined;
}

/** The last `fanbase prepare` into these tables; undefined when there was none. */
export async function latestLoad(transport: ClickHouseTransport): Promise<Load | undefined> {
  const [row] = await transport.query(clickHouseSqlFile('latest_load'));
  if (!row) return undefined;
  const finished = row.status === 'finished';
  return {
    loadedAt: String(row.loaded_at),
    finished,
    report: finished ? (JSON.parse(String(row.report)) as DataReport) : undefined,
  };
}

/** The error for tables a prepare started to fill and did not finish: they hold part of the exports. */
export function unfinishedLoad(transport: ClickHouseTransport, load: Load): FanbaseError {
  return dataUnreadable(
    `the fanbase prepare into ClickHouse (${transport.target}) started at ${load.loadedAt} did not finish: its tables hold part of the exports. Empty them (${TRUNCATE_STATEMENTS}) and prepare again`,
    { table: 'fanbase_loads' },
  );
}

/** Records a prepare's progress in fanbase_loads: started before its first insert, finished with its report. */
export async function recordLoad(
  transport: ClickHouseTransport,
  status: 'started' | 'finished',
  report: string,
) {
  await transport.command(clickHouseSqlFile('record_load'), { fanbase_version: VERSION, status, report });
}
