import { closed, engineUnavailable, invalidOptions } from '../../domain/errors.js';
import { clickHouseError, statementName } from './clickhouse-errors.js';
import { type ClickHouseTransport, type QueryParams, SESSION_SETTINGS } from './transport.js';

/**
 * The part of chdb's API this transport uses, declared here so that fanbase builds without chdb: chdb is an
 * optional peer, installed by whoever wants the embedded engine (`npm install chdb`).
 */
interface ChdbSession {
  readonly path: string;
  queryBindAsync(query: string, params: object, options: { format: string }): Promise<{ text(): string }>;
  close(): void;
}
interface ChdbModule {
  Session: new (path: string | undefined, options: { connectionArgs: string[] }) => ChdbSession;
  drainPending(): Promise<void>;
}

/** What `chdbTransport` takes. */
export interface ChdbOptions {
  /** The folder chdb keeps its tables in; default a temporary one, removed on close. */
  path?: string;
  /** Statements running longer fail with QUERY_TIMEOUT (default 60 s; 0: none). */
  queryTimeoutMs?: number;
}

/**
 * ClickHouse embedded in this process (chdb): the engine of a ClickHouse server, same SQL, no server. chdb
 * holds one data folder per process, so one transport at a time. chdb is an optional peer dependency
 * (`npm install chdb` where it is wanted); fanbase's tests and benchmark install it themselves.
 */
export async function chdbTransport(options: ChdbOptions = {}): Promise<ClickHouseTransport> {
  let chdb: ChdbModule;
  try {
    // a variable specifier: the compiler neither resolves nor types the optional package
    const name = 'chdb';
    chdb = (await import(name)) as ChdbModule;
  } catch (error) {
    throw invalidOptions(
      'the chdb engine needs the chdb package: npm install chdb (or use a ClickHouse server: FANBASE_CLICKHOUSE_URL)',
      { field: 'engine' },
      { cause: error },
    );
  }
  const timeoutSeconds = Math.ceil((options.queryTimeoutMs ?? 60_000) / 1000);
  const args = Object.entries({ ...SESSION_SETTINGS, max_execution_time: timeoutSeconds }).map(
    ([name, value]) => `--${name}=${value}`,
  );
  let session: ChdbSession;
  try {
    await chdb.drainPending();
    session = new chdb.Session(options.path, { connectionArgs: args });
  } catch (error) {
    throw engineUnavailable(
      `chdb cannot open ${options.path ?? 'a temporary folder'}: ${(error as Error).message.split('\n')[0]}`,
      { file: options.path },
      { cause: error },
    );
  }
  return new ChdbTransport(chdb, session);
}

class ChdbTransport implements ClickHouseTransport {
  readonly target: string;
  private closing: Promise<void> | undefined;

  constructor(
    private readonly chdb: ChdbModule,
    private readonly session: ChdbSession,
  ) {
    this.target = `chdb ${session.path}`;
  }

  async query(sql: string, params: QueryParams = {}): Promise<Record<string, unknown>[]> {
    const text = await this.run(sql, params, 'JSONEachRow');
    const rows: Record<string, unknown>[] = [];
    for (const line of text.split('\n')) if (line !== '') rows.push(JSON.parse(line));
    return rows;
  }

  async command(sql: string, params: QueryParams = {}): Promise<void> {
    await this.run(sql, params, 'Null');
  }

  async insertParquet(table: string, columns: readonly string[], file: string): Promise<void> {
    this.checkStagingFolder(file);
    const list = columns.join(', ');
    await this.command(`insert into ${table} (${list}) select ${list} from file({file:String}, Parquet)`, {
      file,
    });
  }

  /**
   * ClickHouse's file() expands `*`, `?`, `{a,b}` and `{N..M}` anywhere in its path, with no escape: a
   * path holding one would read other files, or none. The staging folder is in TMPDIR, so say that.
   */
  checkStagingFolder(path: string): void {
    if (!/[*?{]/.test(path)) return;
    throw invalidOptions(
      `chdb cannot read the exports staged in ${path}: ClickHouse's file() reads *, ? and { in a path as a glob, with no escape. Set TMPDIR to a folder whose path has none of them`,
      { file: path, field: 'TMPDIR' },
    );
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      this.session.close();
      await this.chdb.drainPending();
    })();
    return this.closing;
  }

  private async run(sql: string, params: QueryParams, format: string): Promise<string> {
    if (this.closing) throw closed('the ClickHouse (chdb) repository is closed');
    try {
      const result = await this.session.queryBindAsync(sql, params, { format });
      return result.text();
    } catch (error) {
      throw clickHouseError(error, this.target, statementName(sql));
    }
  }
}
