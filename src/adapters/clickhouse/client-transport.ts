import { createReadStream } from 'node:fs';
import { type ClickHouseClient, ClickHouseLogLevel, createClient } from '@clickhouse/client';
import { closed, invalidOptions } from '../../domain/errors.js';
import { clickHouseError, statementName } from './clickhouse-errors.js';
import { type ClickHouseTransport, type QueryParams, SESSION_SETTINGS } from './transport.js';

/** Where a ClickHouse server is and who fanbase is there. */
export interface ClickHouseServerOptions {
  /** `http(s)://host:8123`, the server's HTTP interface. */
  url: string;
  username?: string;
  password?: string;
  /** The database holding fanbase's tables (default `default`). */
  database?: string;
  /** Statements running longer fail with QUERY_TIMEOUT (default 60 s; 0: none). */
  queryTimeoutMs?: number;
}

/** A ClickHouse server or cluster through the official client, `@clickhouse/client`. */
export function serverTransport(options: ClickHouseServerOptions): ClickHouseTransport {
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    throw invalidOptions(
      `FANBASE_CLICKHOUSE_URL must be a URL such as http://localhost:8123, got ${JSON.stringify(options.url)}`,
      { field: 'FANBASE_CLICKHOUSE_URL' },
    );
  }
  const timeoutMs = options.queryTimeoutMs ?? 60_000;
  const client = createClient({
    url: options.url,
    username: options.username,
    password: options.password,
    database: options.database,
    // failures reach the caller as FanbaseErrors with what to do; the client's own log would repeat them
    log: { level: ClickHouseLogLevel.OFF },
    // the server ends a statement at max_execution_time; the client waits a little longer for its answer
    request_timeout: timeoutMs === 0 ? 24 * 3600_000 : timeoutMs + 5_000,
    clickhouse_settings: {
      ...SESSION_SETTINGS,
      max_execution_time: Math.ceil(timeoutMs / 1000),
    },
  });
  url.password = '';
  url.username = '';
  return clientTransport(client, url.toString().replace(/\/$/, ''));
}

/**
 * The transport over any `@clickhouse/client` client: a server's, or (in tests) one whose connection is
 * chdb's (`createClient({ connection: createChdbConnection(...) })`), so this code runs in CI too.
 */
export function clientTransport(client: ClickHouseClient, target: string): ClickHouseTransport {
  return new ClientTransport(client, target);
}

class ClientTransport implements ClickHouseTransport {
  private closing: Promise<void> | undefined;

  constructor(
    private readonly client: ClickHouseClient,
    readonly target: string,
  ) {}

  async query(sql: string, params: QueryParams = {}): Promise<Record<string, unknown>[]> {
    return this.guard(sql, async () => {
      const result = await this.client.query({
        query: sql,
        query_params: params,
        format: 'JSONEachRow',
        clickhouse_settings: SESSION_SETTINGS,
      });
      return result.json<Record<string, unknown>>();
    });
  }

  async command(sql: string, params: QueryParams = {}): Promise<void> {
    await this.guard(sql, () =>
      this.client.command({ query: sql, query_params: params, clickhouse_settings: SESSION_SETTINGS }),
    );
  }

  async insertParquet(table: string, columns: readonly string[], file: string): Promise<void> {
    await this.guard(`insert into ${table}`, () =>
      this.client.insert({
        table,
        values: createReadStream(file),
        format: 'Parquet',
        columns: [...columns] as [string, ...string[]],
      }),
    );
  }

  /** Any folder will do: the file is streamed to the server, its path never reaches ClickHouse. */
  checkStagingFolder(): void {}

  close(): Promise<void> {
    this.closing ??= this.client.close();
    return this.closing;
  }

  private async guard<T>(sql: string, run: () => Promise<T>): Promise<T> {
    if (this.closing) throw closed('the ClickHouse repository is closed');
    try {
      return await run();
    } catch (error) {
      throw clickHouseError(error, this.target, statementName(sql));
    }
  }
}
