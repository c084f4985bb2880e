import type { Command } from 'cac';
import { parseCalendarDate } from '../../domain/calendar-date.js';
import type { FanDataset } from '../../domain/fanbase.js';
import { type ClickHouseAddress, type EngineName, readEngineConfig } from '../../engine-config.js';
import type { OnLoadProgress } from '../../load/load-progress.js';
import { single, usage } from './flags.js';
import { followLoad, progressLine } from './progress-line.js';

function checkedDate(value: string | undefined, name: string): string | undefined {
  return value === undefined ? undefined : parseCalendarDate(value, name);
}

/** Declares the flags that say which data to read and for which date, shared by every command. */
export function withDataFlags(command: Command): Command {
  return command
    .option('--data <folder>', 'Folder of the exports (default: $FANBASE_DATA, else the bundled demo data)')
    .option(
      '--mapping <file>',
      'Mapping file (default: $FANBASE_MAPPING, else <data>/fanbase.json if present)',
    )
    .option('--as-of <date>', 'Date to compute for, YYYY-MM-DD (default: $FANBASE_AS_OF, else today in UTC)')
    .option(
      '--engine <name>',
      'duckdb (the exports in --data) or clickhouse (default: $FANBASE_ENGINE, else duckdb)',
    )
    .option(
      '--clickhouse-url <url>',
      'ClickHouse for --engine clickhouse: http://host:8123, or chdb:<folder> (default: $FANBASE_CLICKHOUSE_URL)',
    );
}

/** Which data, for which date, on which engine: what the commands ask the library to open. */
export interface DataOptions {
  data: string | undefined;
  mapping: string | undefined;
  asOf: string | undefined;
  engine: EngineName;
  clickhouse?: ClickHouseAddress;
  /** Follows a load of exports (progress on a terminal): set by the commands that report it. */
  onProgress?: OnLoadProgress;
  /** The k-anonymity floor of the answers (`fanbase audience --min-fans`); 0 or absent: off. */
  minFansForDemographics?: number;
}

/** Opens a dataset for a command: `openFanbase` in the programs (src/bin), a stand-in in tests. */
export type OpenData = (options: DataOptions) => Promise<FanDataset>;

/** The library options from those flags, falling back on the environment as documented. */
export function dataOptions(
  flags: Record<string, unknown>,
  env: NodeJS.ProcessEnv = process.env,
): DataOptions {
  const orEnv = (value: string | undefined, name: string) => value ?? (env[name]?.trim() || undefined);
  const engine = readEngineConfig(
    {
      engine: single(flags.engine, '--engine'),
      clickhouseUrl: single(flags.clickhouseUrl, '--clickhouse-url'),
    },
    env,
  );
  return {
    ...engine,
    data: orEnv(single(flags.data, '--data'), 'FANBASE_DATA'),
    mapping: orEnv(single(flags.mapping, '--mapping'), 'FANBASE_MAPPING'),
    asOf:
      checkedDate(single(flags.asOf, '--as-of'), '--as-of') ??
      checkedDate(orEnv(undefined, 'FANBASE_AS_OF'), 'FANBASE_AS_OF'),
  };
}

/**
 * Opens the data of `flags` for `program`, following the load: progress on stderr when it is a terminal,
 * then one closing line (unless --quiet); nothing when the data is a snapshot, which opens without a load.
 */
export async function openFollowed(
  open: OpenData,
  flags: Record<string, unknown>,
  program: string,
  stream: NodeJS.WriteStream = process.stderr,
): Promise<FanDataset> {
  const options = dataOptions(flags);
  const follower = followLoad(progressLine(stream, quietFlag(flags)));
  let fanbase: FanDataset;
  try {
    fanbase = await open({ ...options, onProgress: follower.onProgress });
  } catch (error) {
    follower.line.clear();
    throw error;
  }
  if (follower.loaded()) {
    const what = options.data ?? 'the bundled demo data';
    follower.line.done(
      `${program}: ${what} read and checked as of ${fanbase.report.as_of} in ${follower.seconds().toFixed(1)} s`,
    );
  }
  return fanbase;
}

/** `--quiet`, checked: a flag without a value. */
export function quietFlag(flags: Record<string, unknown>): boolean {
  if (flags.quiet !== undefined && typeof flags.quiet !== 'boolean') usage('--quiet', 'takes no value');
  return flags.quiet === true;
}
