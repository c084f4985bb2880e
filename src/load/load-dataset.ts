import { type DuckDBConnection, LIST, listValue, VARCHAR } from '@duckdb/node-api';
import { ISO_COUNTRY_CODES } from '../domain/countries.js';
import { DATA_CONTRACT } from '../domain/data-contract.js';
import { policyFor } from '../domain/data-policies.js';
import {
  type DataIssue,
  type DataReport,
  type SourceReport,
  streamsHaveMsPlayed,
} from '../domain/data-report.js';
import { internal } from '../domain/errors.js';
import type { Settings } from '../domain/settings.js';
import { settingsParameters } from '../domain/settings-parameters.js';
import { readRows } from '../duckdb/read-rows.js';
import { boundParameters, type Param, sqlFile } from '../duckdb/sql-files.js';
import { LoadSteps } from './load-progress.js';
import { locateSource } from './locate-source.js';
import type { Mapping, TableMapping } from './mapping.js';
import { sqlTypeOf } from './source-columns.js';
import { createSourceView } from './source-view.js';

/**
 * The relations of the load computed from the daily aggregates, in order: what the answers over a window
 * other than the load's are computed from again (the sums, the scores, the ranked fans, the profiles).
 */
export const WINDOW_RELATIONS = [
  'fan_listening',
  'user_volume',
  'fan_scores',
  'fans',
  'artist_profiles',
] as const;

/** The relations a load builds, in order (each after what it reads); each is `sql/load/<name>.sql`, a table. */
export const LOAD_RELATIONS = [
  'users',
  'follows',
  'streams_deduplicated',
  'streams_daily',
  'user_daily',
  ...WINDOW_RELATIONS,
] as const;

/** The exports whose problem rows the report counts, in the order it lists them. */
export const CHECKED_TABLES = ['users', 'streams', 'follows'] as const;

/** The steps of `loadDataset`, in order, as its progress reports name them. */
export const LOAD_STEPS: readonly string[] = [
  ...DATA_CONTRACT.map((table) => `read ${table.name}`),
  ...LOAD_RELATIONS.map((name) => `build ${name}`),
  ...CHECKED_TABLES.map((table) => `check ${table}`),
];

/**
 * Reads and checks the exports in `dataDir`, builds the relations of `sql/load` once (the cleaned users,
 * follows and streams, the per-fan and per-artist aggregates) and returns the data report. The connection
 * then holds them all: the DuckDB engine keeps the aggregates and answers from them; the ClickHouse engine
 * stages the checked rows (`sql/load/staged_*`) for its own tables. Each drops the rest (`dropAllBut`).
 * `streamParts`, when given, are the streams files read instead of the whole streams export (an
 * incremental prepare's new parts).
 */
export async function loadDataset(
  conn: DuckDBConnection,
  dataDir: string,
  mapping: Mapping,
  settings: Settings,
  steps: LoadSteps = new LoadSteps(LOAD_STEPS, undefined),
  streamParts?: readonly string[],
): Promise<DataReport> {
  await conn.run("set TimeZone = 'UTC'");
  await createReferenceTables(conn, settings);

  const sources: SourceReport[] = [];
  for (const table of DATA_CONTRACT) {
    const tableMapping = mapping[table.name];
    let located = tableMapping === false ? null : locateSource(dataDir, table, tableMapping);
    // an incremental prepare reads the stream parts it has not seen only
    if (located && table.name === 'streams' && streamParts !== undefined) {
      located = streamParts.length === 0 ? null : { table, format: located.format, files: [...streamParts] };
    }
    if (located === null) {
      const columns = table.columns.map((c) => `null::${sqlTypeOf(c.kind)} as ${c.name}`);
      await conn.run(
        `create or replace view ${table.name}_source as select ${columns.join(', ')} where false`,
      );
      sources.push({
        table: table.name,
        format: 'none',
        files: [],
        rows: 0,
        missing_columns: table.columns.map((c) => c.name),
      });
      continue;
    }
    sources.push(
      await steps.run(
        `read ${table.name}`,
        () => createSourceView(conn, located, tableMapping as TableMapping | undefined),
        conn,
      ),
    );
  }

  const params = parametersOf(settings, sources);
  for (const name of LOAD_RELATIONS) {
    try {
      await steps.run(
        `build ${name}`,
        () => run(conn, `create or replace table ${name} as ${sqlFile(`load/${name}`)}`, params),
        conn,
      );
    } catch (error) {
      // The checks above should make this unreachable: a failure here is a bug to report, with DuckDB's words.
      throw internal(
        `building ${name} failed: ${(error as Error).message.split('\n')[0]}`,
        {},
        {
          cause: error,
        },
      );
    }
  }
  const issues: DataIssue[] = [];
  for (const table of CHECKED_TABLES) {
    const problems = sqlFile(`load/${table}_issues`);
    const byReason = `select reason, count(*)::integer as count, arg_min(example, (sort_key, example), 3) as examples
      from (${problems}) group by reason order by reason`;
    const rows = await steps.run(`check ${table}`, () => readRows(conn, byReason, params), conn);
    for (const row of rows) {
      const reason = String(row.reason);
      issues.push({
        table,
        reason,
        count: row.count as number,
        policy: policyFor(table, reason),
        examples: (row.examples as string[]) ?? [],
      });
    }
  }
  const totals = (await readRows(conn, sqlFile('load/dataset_totals'), params))[0] as DataReport['totals'];
  return {
    as_of: settings.asOf,
    sources,
    issues,
    totals,
    warnings: warningsFor(sources),
    timings: { ...steps.timings },
  };
}

function parametersOf(settings: Settings, sources: SourceReport[]): Record<string, Param> {
  return settingsParameters(settings, streamsHaveMsPlayed(sources));
}

async function createReferenceTables(conn: DuckDBConnection, settings: Settings): Promise<void> {
  await conn.run('create or replace table countries (country varchar primary key)');
  await conn.run(
    'insert into countries select unnest($codes)',
    { codes: listValue([...ISO_COUNTRY_CODES]) },
    {
      codes: LIST(VARCHAR),
    },
  );
  await conn.run('create or replace table majority (country varchar primary key, age integer)');
  const byCountry = Object.entries(settings.majority.byCountry);
  if (byCountry.length > 0) {
    await conn.run('insert into majority select unnest($countries), unnest($ages)', {
      countries: listValue(byCountry.map(([c]) => c)),
      ages: listValue(byCountry.map(([, a]) => a)),
    });
  }
}

async function run(conn: DuckDBConnection, sql: string, params: Record<string, Param>): Promise<void> {
  await conn.run(sql, boundParameters(sql, params));
}

/**
 * Drops every view and table of the load but those listed (what an engine answers from), to free memory:
 * the sources, the reference tables and the intermediate relations.
 */
export async function dropAllBut(conn: DuckDBConnection, kept: ReadonlySet<string>): Promise<void> {
  const objects = await readRows(
    conn,
    "select table_name, table_type from information_schema.tables where table_schema = 'main'",
  );
  for (const { table_name, table_type } of objects) {
    if (table_type === 'VIEW') await conn.run(`drop view if exists ${table_name}`);
  }
  for (const { table_name, table_type } of objects) {
    if (table_type !== 'VIEW' && !kept.has(String(table_name)))
      await conn.run(`drop table if exists ${table_name}`);
  }
}

/** What the missing exports and columns mean for the answers, in words (the report's `warnings`). */
export function warningsFor(sources: SourceReport[]): string[] {
  const warnings: string[] = [];
  for (const source of sources) {
    const table = DATA_CONTRACT.find((t) => t.name === source.table);
    if (!table) continue;
    if (source.format === 'none') {
      if (table.whenAbsent) warnings.push(table.whenAbsent);
      continue;
    }
    for (const name of source.missing_columns) {
      const column = table.columns.find((c) => c.name === name);
      if (column?.whenAbsent) warnings.push(column.whenAbsent);
    }
  }
  return warnings;
}
