import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnKind } from '../domain/data-contract.js';
import type { SourceReport } from '../domain/data-report.js';
import { dataColumnMissing, dataMalformed, dataWrongType } from '../domain/errors.js';
import { readRows } from '../duckdb/read-rows.js';
import { sqlIdentifier, sqlString, sqlStringList } from '../duckdb/sql-text.js';
import { checkDelimiterFormat, delimiterOf, separatedBy, wrongDelimiterError } from './csv-delimiter.js';
import { literalPath } from './literal-path.js';
import type { LocatedSource } from './locate-source.js';
import type { TableMapping } from './mapping.js';
import { translateReadError } from './read-errors.js';
import { type ColumnConversion, convertColumn, sqlTypeOf } from './source-columns.js';

/**
 * Makes `<table>_source`, a view with the contract's columns and types over one export, after checking
 * that every required column is there and every value converts. Throws a FanbaseError naming the file,
 * column or line otherwise. CSV and JSON lines are read once into a table; parquet is read in place.
 */
export async function createSourceView(
  conn: DuckDBConnection,
  source: LocatedSource,
  mapping: TableMapping | undefined,
): Promise<SourceReport> {
  const { table } = source;
  const raw = `${table.name}_raw`;
  const where = { table: table.name, files: source.files, pattern: source.patternShown };
  checkDelimiterFormat(source, mapping);
  const fileLabel = source.files.length === 1 ? (source.files[0] as string) : `the ${table.name} export`;
  try {
    await readRaw(conn, raw, source, mapping, fileLabel);
  } catch (error) {
    throw translateReadError(error, where);
  }
  const described = await readRows(conn, `describe select * from ${raw}`);
  const types = new Map(described.map((r) => [String(r.column_name), String(r.column_type)]));

  const selects: string[] = [];
  const checks: ValueCheck[] = [];
  const missing: string[] = [];
  for (const column of table.columns) {
    const wanted = mapping?.columns?.[column.name] ?? column.name;
    const actual =
      [...types.keys()].find((k) => k === wanted) ??
      [...types.keys()].find((k) => k.toLowerCase() === wanted.toLowerCase());
    if (actual === undefined) {
      if (column.required || mapping?.columns?.[column.name] !== undefined) {
        if (source.format === 'csv') {
          const delimiter = wrongDelimiterError(table, mapping, [...types.keys()], fileLabel);
          if (delimiter) throw delimiter;
        }
        const mapped = wanted === column.name ? '' : ` (mapped from "${wanted}")`;
        throw dataColumnMissing(
          `${fileLabel}: no column "${wanted}" for ${table.name}.${column.name}${mapped}; columns found: ${[...types.keys()].join(', ')}. Rename the column or map it with ${table.name}.columns.${column.name} in the mapping`,
          { table: table.name, file: fileLabel, column: wanted },
        );
      }
      missing.push(column.name);
      selects.push(`null::${sqlTypeOf(column.kind)} as ${column.name}`);
      continue;
    }
    const conversion = convertColumn(
      actual,
      types.get(actual) as string,
      column.kind,
      mapping?.epoch?.[column.name],
    );
    if (typeof conversion === 'string') {
      throw dataWrongType(`${fileLabel}: column "${actual}" (${table.name}.${column.name}) ${conversion}`, {
        table: table.name,
        file: fileLabel,
        column: actual,
      });
    }
    selects.push(`${conversion.value} as ${column.name}`);
    if (conversion.bad)
      checks.push({ column: column.name, kind: column.kind, sourceColumn: actual, conversion });
  }

  await checkValues(conn, raw, source, fileLabel, checks);
  await checkColumns(conn, raw, source, fileLabel, checks);
  await conn.run(`create or replace view ${table.name}_source as select ${selects.join(', ')} from ${raw}`);
  const rows = (await readRows(conn, `select count(*) as n from ${raw}`))[0]?.n as number;
  const listed = source.pattern === undefined ? source.files : await globFiles(conn, source.pattern);
  return { table: table.name, format: source.format, files: listed, rows, missing_columns: missing };
}

interface ValueCheck {
  column: string;
  kind: ColumnKind;
  sourceColumn: string;
  conversion: ColumnConversion;
}

async function readRaw(
  conn: DuckDBConnection,
  raw: string,
  source: LocatedSource,
  mapping: TableMapping | undefined,
  fileLabel: string,
): Promise<void> {
  // DuckDB globs every name it reads: a found file is escaped to be read as itself, a mapping's glob is not
  const files = source.pattern ? sqlString(source.pattern) : sqlStringList(source.files.map(literalPath));
  switch (source.format) {
    case 'parquet':
      await conn.run(
        `create or replace view ${raw} as select * from read_parquet(${files}, union_by_name = true)`,
      );
      // a view reads lazily: touch the files now so a broken one fails here, with its name
      await conn.run(`select count(*) from ${raw}`);
      return;
    case 'jsonl':
      await readJsonLines(conn, raw, files, source);
      return;
    case 'csv':
      await readCsv(conn, raw, files, source, mapping, fileLabel);
      return;
  }
}

/**
 * JSON lines are read with every field as text, like CSV: DuckDB would otherwise guess types from a
 * sample of the first rows and silently convert whatever follows it. Our own checks then see every row.
 */
async function readJsonLines(
  conn: DuckDBConnection,
  raw: string,
  files: string,
  source: LocatedSource,
): Promise<void> {
  const keys = (
    await readRows(
      conn,
      `select distinct unnest(json_keys(json)) as k from read_ndjson_objects(${files}) order by k`,
    )
  ).map((r) => String(r.k));
  if (keys.length === 0) {
    throw dataMalformed(
      `${source.files[0] ?? source.patternShown}: no JSON object with fields: each line of a ${source.table.name} export must be an object`,
      { table: source.table.name },
    );
  }
  const columns = keys.map((k) => `${sqlString(k)}: 'VARCHAR'`).join(', ');
  await conn.run(
    `create or replace table ${raw} as select * from read_json(${files}, format = 'newline_delimited', columns = {${columns}})`,
  );
}

async function readCsv(
  conn: DuckDBConnection,
  raw: string,
  files: string,
  source: LocatedSource,
  mapping: TableMapping | undefined,
  fileLabel: string,
): Promise<void> {
  const delimiter = delimiterOf(mapping);
  const rejects = `${raw}_rejects`;
  await conn.run(`drop table if exists ${rejects}; drop table if exists ${rejects}_scan`);
  await conn.run(
    `create or replace table ${raw} as select * from read_csv(${files}, header = true, all_varchar = true,
      delim = ${sqlString(delimiter)}, quote = '"', escape = '"', store_rejects = true,
      rejects_table = ${sqlString(rejects)}, rejects_scan = ${sqlString(`${rejects}_scan`)})`,
  );
  const bad = await readRows(
    conn,
    `select s.file_path as file, r.line, r.error_type, r.csv_line from ${rejects} r
         join ${rejects}_scan s using (scan_id, file_id) order by s.file_path, r.line limit 3`,
  );
  const first = bad[0];
  if (first) {
    // a file with another delimiter has lines of many fields under a header of one: say that, not the lines
    const header = (await readRows(conn, `describe select * from ${raw}`)).map((r) => String(r.column_name));
    const wrong = wrongDelimiterError(source.table, mapping, header, fileLabel);
    if (wrong) throw wrong;
    const lines = bad
      .map((b) => `line ${b.line} (${String(b.error_type).toLowerCase()}: ${b.csv_line})`)
      .join('; ');
    throw dataMalformed(
      `${first.file}: malformed CSV at ${lines}. Fix these lines: every line needs the header's ${source.table.name} columns, ${separatedBy(delimiter)}`,
      { table: source.table.name, file: String(first.file), line: Number(first.line) },
    );
  }
}

async function checkValues(
  conn: DuckDBConnection,
  raw: string,
  source: LocatedSource,
  fileLabel: string,
  all: ValueCheck[],
): Promise<void> {
  const checks = all.filter((c) => c.conversion.bad);
  if (checks.length === 0) return;
  const [counts = {}] = (await readRows(
    conn,
    `select ${checks.map((c, i) => `count(*) filter (where ${c.conversion.bad})::bigint as bad_${i}`).join(', ')} from ${raw}`,
  )) as Record<string, number>[];
  const index = checks.findIndex((_, i) => (counts[`bad_${i}`] ?? 0) > 0);
  const check = checks[index];
  if (!check) return;
  const q = sqlIdentifier(check.sourceColumn);
  const examples = await readRows(
    conn,
    `select row, value from (select row_number() over () as row, ${q}::varchar as value, ${check.conversion.bad} as is_bad from ${raw}) where is_bad order by row limit 3`,
  );
  // Line numbers are exact for one CSV file (the header is line 1) or one JSON lines file.
  const single = source.files.length === 1;
  const offset = source.format === 'csv' ? 1 : 0;
  const shown = examples
    .map((e) =>
      single && source.format !== 'parquet'
        ? `line ${(e.row as number) + offset} has ${JSON.stringify(e.value)}`
        : `row ${e.row} has ${JSON.stringify(e.value)}`,
    )
    .join(', ');
  const total = counts[`bad_${index}`];
  const looksLikeEpoch =
    (check.kind === 'date' || check.kind === 'timestamp') &&
    examples.every((e) => /^-?\d+(\.\d+)?$/.test(String(e.value)));
  const advice = looksLikeEpoch
    ? `These look like Unix epoch numbers: set ${source.table.name}.epoch.${check.column} to "s", "ms" or "us" in the mapping`
    : 'Fix the values, or the mapping if this is the wrong column';
  const firstLine = single && source.format !== 'parquet' ? (examples[0]?.row as number) + offset : undefined;
  throw dataWrongType(
    `${fileLabel}: column "${check.sourceColumn}" (${source.table.name}.${check.column}) expects ${check.conversion.expected}; ${total} value(s) are not: ${shown}. ${advice}`,
    {
      table: source.table.name,
      file: fileLabel,
      column: check.sourceColumn,
      ...(firstLine === undefined ? {} : { line: firstLine }),
    },
  );
}

async function checkColumns(
  conn: DuckDBConnection,
  raw: string,
  source: LocatedSource,
  fileLabel: string,
  checks: ValueCheck[],
): Promise<void> {
  for (const check of checks) {
    const columnCheck = check.conversion.columnCheck;
    if (!columnCheck) continue;
    const [row] = await readRows(conn, `select coalesce(${columnCheck.sql}, false) as wrong from ${raw}`);
    if (row?.wrong === true) {
      throw dataWrongType(
        `${fileLabel}: column "${check.sourceColumn}" (${source.table.name}.${check.column}): ${columnCheck.problem}`,
        { table: source.table.name, file: fileLabel, column: check.sourceColumn },
      );
    }
  }
}

async function globFiles(conn: DuckDBConnection, pattern: string): Promise<string[]> {
  const rows = await readRows(conn, `select file from glob(${sqlString(pattern)}) order by file`);
  return rows.map((r) => String(r.file));
}
