import type { ColumnKind } from '../../domain/data-contract.js';
import type { EpochUnit } from './mapping.js';
import { sqlIdentifier } from './sql-text.js';

/** How to turn one source column into a contract column: the value, and when a value is unusable. */
export interface ColumnConversion {
  /** SQL of the converted value (null where the source is null or unusable). */
  value: string;
  /** SQL true for a row whose source value is present but cannot be converted; null when none can fail. */
  bad: string | null;
  /** What a good value looks like, for error messages. */
  expected: string;
}

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
    'timestamps (ISO 8601, e.g. 2026-01-31T18:05:00Z) or Unix epoch numbers with an epoch unit in the mapping',
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
    const value = kind === 'date' ? `${ts}::date` : ts;
    return {
      value,
      bad: `${q} is not null and (${value}) is null`,
      expected: `Unix epoch numbers in ${epoch}`,
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
    case 'date':
      if (type === 'DATE') return { value: q, bad: null, expected };
      if (/^TIMESTAMP WITH TIME ZONE$/.test(type))
        return { value: `timezone('UTC', ${q})::date`, bad: null, expected };
      if (/^TIMESTAMP/.test(type)) return { value: `${q}::date`, bad: null, expected };
      if (TEXTS.test(type)) {
        const value = `try_cast(${text} as date)`;
        return { value, bad: `${text} is not null and ${value} is null`, expected };
      }
      if (isNumber)
        return `holds numbers (${type}): if they are Unix times, set the epoch unit in the mapping`;
      return `is ${type}, expected ${expected}`;
    case 'timestamp':
      if (/^TIMESTAMP WITH TIME ZONE$/.test(type))
        return { value: `timezone('UTC', ${q})`, bad: null, expected };
      if (/^TIMESTAMP/.test(type) || type === 'DATE')
        return { value: `${q}::timestamp`, bad: null, expected };
      if (TEXTS.test(type)) {
        const value = `timezone('UTC', try_cast(${text} as timestamptz))`;
        return { value, bad: `${text} is not null and ${value} is null`, expected };
      }
      if (isNumber)
        return `holds numbers (${type}): if they are Unix times, set the epoch unit in the mapping`;
      return `is ${type}, expected ${expected}`;
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
