import type { ColumnKind } from '../domain/data-contract.js';
import { sqlIdentifier } from '../duckdb/sql-text.js';
import type { EpochUnit } from './mapping.js';

/** How to turn one source column into a contract column: the value, and when a value is unusable. */
export interface ColumnConversion {
  /** SQL of the converted value (null where the source is null or unusable). */
  value: string;
  /** SQL true for a row whose source value is present but cannot be converted; null when none can fail. */
  bad: string | null;
  /** What a good value looks like, for error messages. */
  expected: string;
  /** SQL aggregate true when the column as a whole cannot be right, and what to say then. */
  columnCheck?: { sql: string; problem: string };
}

/** Events (streams, follows) happen between these instants; outside, the value or its epoch unit is wrong. */
const EVENTS_FROM = "timestamp '1990-01-01'";
const EVENTS_UNTIL = "timestamp '2200-01-01'";
const outsideEvents = (v: string) =>
  `(not isfinite(${v}) or ${v} < ${EVENTS_FROM} or ${v} >= ${EVENTS_UNTIL})`;

const MAX_ID = Number.MAX_SAFE_INTEGER;
const SMALL_INTEGERS = /^(TINYINT|SMALLINT|INTEGER|UTINYINT|USMALLINT|UINTEGER)$/;
const INTEGERS = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/;
const FRACTIONALS = /^(FLOAT|DOUBLE|REAL|DECIMAL.*)$/;
const TEXTS = /^(VARCHAR|JSON)$/;
const MICROS: Record<EpochUnit, number> = { s: 1_000_000, ms: 1_000, us: 1 };

const EXPECTED: Record<ColumnKind, string> = {
  id: `whole numbers from 0 to ${MAX_ID}`,
  count: 'whole numbers',
  date: 'dates (YYYY-MM-DD)',
  timestamp:
    'timestamps from 1990 to 2199 (ISO 8601, e.g. 2026-01-31T18:05:00Z, or Unix epoch numbers with the right epoch unit in the mapping)',
  country: 'ISO 3166-1 alpha-2 codes (text)',
  boolean: 'booleans (true/false, 1/0)',
};

/**
 * The conversion of a source column of DuckDB type `type` to a contract column of kind `kind`, or a
 * sentence saying why that type cannot be converted.
 */
export function convertColumn(
  column: string,
  type: string,
  kind: ColumnKind,
  epoch: EpochUnit | undefined,
): ColumnConversion | string {
  const q = sqlIdentifier(column);
  const expected = EXPECTED[kind];
  const text = `nullif(trim(${q}::varchar), '')`;
  const isNumber = INTEGERS.test(type) || FRACTIONALS.test(type);

  if (epoch !== undefined && (kind === 'date' || kind === 'timestamp')) {
    if (!isNumber && !TEXTS.test(type)) return `is ${type}, but the mapping says it holds epoch numbers`;
    const number = isNumber ? q : `try_cast(${text} as double)`;
    const ts = `try(make_timestamp((${number} * ${MICROS[epoch]})::bigint))`;
    if (kind === 'timestamp') {
      return {
        value: ts,
        bad: `${q} is not null and (${ts} is null or ${outsideEvents(ts)})`,
        expected: `Unix epoch numbers in ${epoch} giving times from 1990 to 2199 (is the epoch unit right?)`,
      };
    }
    const value = `${ts}::date`;
    return {
      value,
      bad: `${q} is not null and (${value} is null or not isfinite(${value}))`,
      expected: `Unix epoch numbers in ${epoch}`,
      // every birth date before March 1973 means numbers smaller than the unit says: seconds read as ms
      columnCheck: {
        sql: `max(${value}) < date '1973-03-04'`,
        problem: `every value falls before 1973-03-04 when read as ${epoch}: the epoch unit looks too small (seconds read as milliseconds?): fix the epoch unit in the mapping`,
      },
    };
  }

  switch (kind) {
    case 'id':
    case 'count': {
      const inRange = (v: string) =>
        kind === 'id' ? `${v} between 0 and ${MAX_ID}` : `abs(${v}) <= ${MAX_ID}`;
      if (SMALL_INTEGERS.test(type)) {
        return { value: `${q}::bigint`, bad: kind === 'id' ? `${q} < 0` : null, expected };
      }
      let value: string;
      if (INTEGERS.test(type)) value = `try_cast(${q} as bigint)`;
      else if (FRACTIONALS.test(type))
        value = `case when ${q} = trunc(${q}) then try_cast(${q} as bigint) end`;
      else if (TEXTS.test(type)) {
        value = `case when regexp_full_match(${text}, '[+-]?[0-9]{1,19}') then try_cast(${text} as bigint) end`;
      } else return `is ${type}, expected ${expected}`;
      const present = TEXTS.test(type) ? `${text} is not null` : `${q} is not null`;
      return { value, bad: `${present} and coalesce(not (${inRange(value)}), true)`, expected };
    }
    case 'date': {
      let value: string | undefined;
      if (type === 'DATE') value = q;
      else if (/^TIMESTAMP WITH TIME ZONE$/.test(type)) value = `timezone('UTC', ${q})::date`;
      else if (/^TIMESTAMP/.test(type)) value = `${q}::date`;
      if (value) return { value, bad: `${q} is not null and not isfinite(${value})`, expected };
      if (TEXTS.test(type)) {
        value = `try_cast(${text} as date)`;
        return {
          value,
          bad: `${text} is not null and (${value} is null or not isfinite(${value}))`,
          expected,
        };
      }
      if (isNumber)
        return `holds numbers (${type}): if they are Unix times, set the epoch unit in the mapping`;
      return `is ${type}, expected ${expected}`;
    }
    case 'timestamp': {
      let value: string | undefined;
      if (/^TIMESTAMP WITH TIME ZONE$/.test(type)) value = `timezone('UTC', ${q})`;
      else if (/^TIMESTAMP/.test(type) || type === 'DATE') value = `${q}::timestamp`;
      if (value) return { value, bad: `${q} is not null and ${outsideEvents(value)}`, expected };
      if (TEXTS.test(type)) {
        value = `timezone('UTC', try_cast(${text} as timestamptz))`;
        return {
          value,
          bad: `${text} is not null and (${value} is null or ${outsideEvents(value)})`,
          expected,
        };
      }
      if (isNumber)
        return `holds numbers (${type}): if they are Unix times, set the epoch unit in the mapping`;
      return `is ${type}, expected ${expected}`;
    }
    case 'country':
      if (TEXTS.test(type)) return { value: `upper(${text})`, bad: null, expected };
      return `is ${type}, expected ${expected}`;
    case 'boolean': {
      if (type === 'BOOLEAN') return { value: q, bad: null, expected };
      let value: string;
      if (INTEGERS.test(type)) value = `case ${q} when 1 then true when 0 then false end`;
      else if (TEXTS.test(type)) value = `try_cast(lower(${text}) as boolean)`;
      else return `is ${type}, expected ${expected}`;
      const present = TEXTS.test(type) ? `${text} is not null` : `${q} is not null`;
      return { value, bad: `${present} and ${value} is null`, expected };
    }
  }
}

/** The SQL type of a contract column, for the null column standing in for an absent one. */
export function sqlTypeOf(kind: ColumnKind): string {
  return {
    id: 'bigint',
    count: 'bigint',
    date: 'date',
    timestamp: 'timestamp',
    country: 'varchar',
    boolean: 'boolean',
  }[kind];
}
