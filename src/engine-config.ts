import { invalidOptions } from './domain/errors.js';

/** The engines fanbase answers with. */
export const ENGINES = ['duckdb', 'clickhouse'] as const;
export type EngineName = (typeof ENGINES)[number];

/** Where ClickHouse is: a server's HTTP URL, or `chdb:<folder>` for ClickHouse embedded in the process. */
export interface ClickHouseAddress {
  /** `http(s)://host:8123` or `chdb:<folder>` (the chdb package must be installed). */
  url: string;
  username?: string;
  password?: string;
  database?: string;
}

/** Which engine and, for ClickHouse, where it is. */
export interface EngineConfig {
  engine: EngineName;
  clickhouse?: ClickHouseAddress;
}

/**
 * The engine from flags or the environment: `--engine` / FANBASE_ENGINE (default duckdb),
 * `--clickhouse-url` / FANBASE_CLICKHOUSE_URL, and FANBASE_CLICKHOUSE_USER, FANBASE_CLICKHOUSE_PASSWORD,
 * FANBASE_CLICKHOUSE_DATABASE (credentials from the environment only, never on a command line).
 */
export function readEngineConfig(
  given: { engine?: string; clickhouseUrl?: string },
  env: NodeJS.ProcessEnv = process.env,
): EngineConfig {
  const fromEnv = (name: string) => env[name]?.trim() || undefined;
  const engine = given.engine ?? fromEnv('FANBASE_ENGINE') ?? 'duckdb';
  const where = given.engine !== undefined ? '--engine' : 'FANBASE_ENGINE';
  if (!(ENGINES as readonly string[]).includes(engine)) {
    throw invalidOptions(`${where} must be duckdb or clickhouse, got "${engine}"`, {
      field: where,
    });
  }
  const url = given.clickhouseUrl ?? fromEnv('FANBASE_CLICKHOUSE_URL');
  if (engine === 'duckdb') {
    if (given.clickhouseUrl !== undefined) {
      throw invalidOptions(
        '--clickhouse-url is for --engine clickhouse (the default engine, duckdb, reads --data)',
        { field: '--clickhouse-url' },
      );
    }
    return { engine: 'duckdb' };
  }
  if (url === undefined) {
    throw invalidOptions(
      'the clickhouse engine needs --clickhouse-url or FANBASE_CLICKHOUSE_URL: http://host:8123 for a server, chdb:<folder> for embedded ClickHouse',
      { field: 'FANBASE_CLICKHOUSE_URL' },
    );
  }
  if (!/^(https?:\/\/.+|chdb:.+)$/.test(url)) {
    throw invalidOptions(`the ClickHouse URL must be http(s)://host:port or chdb:<folder>, got "${url}"`, {
      field: 'FANBASE_CLICKHOUSE_URL',
    });
  }
  return {
    engine: 'clickhouse',
    clickhouse: {
      url,
      username: fromEnv('FANBASE_CLICKHOUSE_USER'),
      password: env.FANBASE_CLICKHOUSE_PASSWORD || undefined,
      database: fromEnv('FANBASE_CLICKHOUSE_DATABASE'),
    },
  };
}

/** The former name of `ClickHouseAddress`. @deprecated use `ClickHouseAddress` */
export type ClickHouseConnection = ClickHouseAddress;
