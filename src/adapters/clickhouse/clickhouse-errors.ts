import {
  dataNotFound,
  engineUnavailable,
  FanbaseError,
  internal,
  queryTimeout,
} from '../../domain/errors.js';

/** ClickHouse's own error codes that mean something to fanbase's callers. */
const UNKNOWN_TABLE = 60;
const TIMEOUT_EXCEEDED = 159;
const UNKNOWN_DATABASE = 81;
const AUTHENTICATION_FAILED = 516;
const ACCESS_DENIED = 497;

/**
 * The one place where a ClickHouse failure (from chdb or from a server) becomes a FanbaseError, so that the
 * API answers 503 and the commands exit 1 with a message saying what to do.
 */
export function clickHouseError(error: unknown, target: string, statement: string): FanbaseError {
  if (error instanceof FanbaseError) return error;
  const code = clickHouseCodeOf(error);
  const message = firstLine(error);
  if (code === TIMEOUT_EXCEEDED) {
    return queryTimeout(
      `${statement} ran past the query timeout on ClickHouse (${target})`,
      {},
      { cause: error },
    );
  }
  if (code === UNKNOWN_TABLE || code === UNKNOWN_DATABASE) {
    return dataNotFound(
      `ClickHouse (${target}) lacks fanbase's tables (${message}): create them with fanbase prepare --engine clickhouse, or with the DDL of sql/clickhouse/cluster on a cluster`,
      {},
      { cause: error },
    );
  }
  if (code === AUTHENTICATION_FAILED) {
    return engineUnavailable(
      `ClickHouse (${target}) refused the credentials: check FANBASE_CLICKHOUSE_USER and FANBASE_CLICKHOUSE_PASSWORD`,
      {},
      { cause: error },
    );
  }
  if (code === ACCESS_DENIED) {
    return engineUnavailable(
      `ClickHouse (${target}) refused ${statement} to FANBASE_CLICKHOUSE_USER (${message}): grant that user SELECT on fanbase's tables (INSERT and CREATE too, for fanbase prepare)`,
      {},
      { cause: error },
    );
  }
  if (code === undefined && /timeout/i.test(message)) {
    // @clickhouse/client's own request timeout: the server did not answer within max_execution_time and then some
    return queryTimeout(
      `${statement} got no answer from ClickHouse (${target}) within the query timeout`,
      {},
      { cause: error },
    );
  }
  if (code === undefined) {
    return engineUnavailable(
      `ClickHouse (${target}) did not answer ${statement}: ${message}`,
      {},
      { cause: error },
    );
  }
  // ClickHouse understood the request and refused it: a fault in fanbase's SQL or a schema that differs
  return internal(`${statement} failed on ClickHouse (${target}): ${message}`, {}, { cause: error });
}

/** The numeric ClickHouse error code of a chdb or `@clickhouse/client` error; undefined for network errors. */
export function clickHouseCodeOf(error: unknown): number | undefined {
  const e = error as { clickhouseCode?: unknown; code?: unknown; message?: unknown } | null;
  if (typeof e?.clickhouseCode === 'number') return e.clickhouseCode;
  if (typeof e?.code === 'string' && /^\d+$/.test(e.code)) return Number(e.code);
  const match = /Code: (\d+)\./.exec(String(e?.message ?? ''));
  return match ? Number(match[1]) : undefined;
}

function firstLine(error: unknown): string {
  return String((error as Error | null)?.message ?? error).split('\n')[0] as string;
}

/** The first words of a statement, to name it in a message without printing it whole. */
export function statementName(sql: string): string {
  const comment = /^--\s*(.+)$/m.exec(sql)?.[1];
  return comment
    ? `the query "${comment.slice(0, 80)}"`
    : `"${sql.replace(/\s+/g, ' ').trim().slice(0, 60)}"`;
}
