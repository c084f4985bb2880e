import type { DuckDBConnection, DuckDBInstance, DuckDBPreparedStatement, DuckDBType } from '@duckdb/node-api';
import { closed, invalidOptions, queryTimeout } from '../../domain/errors.js';
import { type PlainValue, plainRows } from '../../duckdb/plain-values.js';
import { boundParameters, type Param, sqlFile } from '../../duckdb/sql-files.js';
import { windowedStatement } from './windowed-statement.js';

/** A value bound to a named parameter. */
export type { Param } from '../../duckdb/sql-files.js';

/**
 * One connection with its own prepared statements. A prepared statement must serve one call at a time
 * (concurrent binds interleave and return wrong rows), which the pool guarantees by lending a connection
 * to one caller at a time.
 */
export class PooledConnection {
  readonly connection: DuckDBConnection;
  private readonly statements = new Map<string, DuckDBPreparedStatement>();

  constructor(connection: DuckDBConnection) {
    this.connection = connection;
  }

  /**
   * Runs `sql/duckdb/<name>.sql` with its parameters bound and returns plain rows; over a window of days
   * (`windowed`), the statement of `windowedStatement`.
   */
  async query(
    name: string,
    params: Record<string, Param>,
    types: Record<string, DuckDBType> = {},
    windowed = false,
  ): Promise<Record<string, PlainValue>[]> {
    const key = windowed ? `windowed:${name}` : name;
    const sql = windowed ? windowedStatement(name) : sqlFile(`duckdb/${name}`);
    let statement = this.statements.get(key);
    if (!statement) {
      statement = await this.connection.prepare(sql);
      this.statements.set(key, statement);
    }
    statement.bind(boundParameters(sql, params), types);
    const reader = await statement.runAndReadAll();
    return plainRows(reader.getRowObjectsJS() as Record<string, unknown>[]);
  }

  closeSync(): void {
    for (const statement of this.statements.values()) statement.destroySync();
    this.statements.clear();
    this.connection.closeSync();
  }
}

/** A fixed set of connections, each lent to one caller at a time; callers beyond that wait in order. */
export class ConnectionPool {
  private readonly all: PooledConnection[];
  private readonly idle: PooledConnection[];
  private readonly waiting: ((c: PooledConnection) => void)[] = [];
  private drained: (() => void) | null = null;
  private closed = false;
  private closing: Promise<void> | undefined;

  private readonly queryTimeoutMs: number;

  private constructor(connections: PooledConnection[], queryTimeoutMs: number) {
    this.all = connections;
    this.idle = [...connections];
    this.queryTimeoutMs = queryTimeoutMs;
  }

  /** `queryTimeoutMs`: a call running longer is interrupted and fails with QUERY_TIMEOUT; 0 is no limit. */
  static async create(instance: DuckDBInstance, size: number, queryTimeoutMs = 0): Promise<ConnectionPool> {
    if (!Number.isSafeInteger(size) || size < 1) {
      throw invalidOptions(`connections must be a whole number >= 1, got ${size}`, {
        field: 'connections',
      });
    }
    if (!Number.isSafeInteger(queryTimeoutMs) || queryTimeoutMs < 0) {
      throw invalidOptions(
        `queryTimeoutMs must be a whole number of milliseconds >= 0 (0: no limit), got ${queryTimeoutMs}`,
        { field: 'queryTimeoutMs' },
      );
    }
    const connections: PooledConnection[] = [];
    try {
      for (let i = 0; i < size; i++) {
        const connection = await instance.connect();
        connections.push(new PooledConnection(connection));
        await connection.run("set TimeZone = 'UTC'");
      }
    } catch (error) {
      for (const connection of connections) connection.closeSync();
      throw error;
    }
    return new ConnectionPool(connections, queryTimeoutMs);
  }

  /**
   * Lends a connection to `fn` and takes it back when `fn` settles. Past the query time limit the
   * connection's query is interrupted (DuckDB stops it; nothing is left running) and the call fails.
   */
  async use<T>(fn: (connection: PooledConnection) => Promise<T>): Promise<T> {
    if (this.closed) throw closed('this fanbase is closed: open it again');
    const connection = this.idle.pop() ?? (await new Promise<PooledConnection>((r) => this.waiting.push(r)));
    let timedOut = false;
    const timer =
      this.queryTimeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            connection.connection.interrupt();
          }, this.queryTimeoutMs)
        : undefined;
    try {
      return await fn(connection);
    } catch (error) {
      if (!timedOut) throw error;
      throw queryTimeout(
        `a query ran over ${this.queryTimeoutMs} ms and was interrupted: raise queryTimeoutMs, or prepare a snapshot`,
        {},
        { cause: error },
      );
    } finally {
      clearTimeout(timer);
      const next = this.waiting.shift();
      if (next) next(connection);
      else {
        this.idle.push(connection);
        if (this.drained && this.idle.length === this.all.length) this.drained();
      }
    }
  }

  /** Refuses new calls, waits for the ones in flight, then closes every connection. Idempotent. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.closed = true;
      if (this.idle.length < this.all.length) await new Promise<void>((r) => (this.drained = r));
      for (const connection of this.all) connection.closeSync();
    })();
    return this.closing;
  }
}
