import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { chdbTransport } from '../../../src/adapters/clickhouse/chdb-transport.js';
import { parametersOf } from '../../../src/adapters/clickhouse/clickhouse-fan-repository.js';
import {
  clickHouseSqlFile,
  clickHouseStatement,
  RELATIONS,
  schemaStatements,
} from '../../../src/adapters/clickhouse/clickhouse-sql.js';
import { loadExports } from '../../../src/adapters/clickhouse/load-exports.js';
import { resolveSettings } from '../../../src/domain/settings.js';
import { declaredGrain } from '../../../src/sql-header.js';
import { FIXTURES } from '../../support/duckdb.js';

const SQL = new URL('../../../sql/', import.meta.url).pathname;
const QUESTIONS = [
  'artist_profile',
  'every_artist_profile',
  'top_fans',
  'every_top_fans',
  'artist_fans',
  'artist_segments',
  'dataset_totals',
];
/** ClickHouse files with no DuckDB twin, each for a reason. */
const NO_TWIN: Record<string, string> = {
  record_load: 'DuckDB keeps the report in the snapshot (sql/duckdb/snapshot_meta.sql)',
  latest_load: 'idem',
  schema_settings: 'a snapshot keeps its settings in sql/duckdb/snapshot_meta.sql',
  record_schema_settings: 'idem',
};

const Sql = suite('sql/clickhouse');

Sql('every statement is named like its DuckDB twin, or says why it has none', () => {
  const files = readdirSync(`${SQL}clickhouse`).filter((f) => f.endsWith('.sql'));
  assert.ok(files.length >= 12);
  for (const file of files) {
    const name = file.replace(/\.sql$/, '');
    assert.ok(
      existsSync(`${SQL}load/${file}`) || existsSync(`${SQL}duckdb/${file}`) || name in NO_TWIN,
      `sql/clickhouse/${file} has no twin sql/load/${file} or sql/duckdb/${file}`,
    );
    assert.match(clickHouseSqlFile(name), /^--/, `${file} starts with what it returns`);
  }
});

Sql('a question carries the relations it reads, in dependency order, and nothing else', () => {
  const top = clickHouseStatement('top_fans');
  const order = RELATIONS.filter((r) => r !== 'artist_profiles').map((r) => top.indexOf(`${r} as (\n`));
  assert.ok(
    order.every((at, i) => at > 0 && (i === 0 || at > (order[i - 1] as number))),
    String(order),
  );
  assert.not.match(top, /artist_profiles as \(/);
  assert.match(top, /^-- fanbase: top_fans\n/);
  // a question with its own WITH clause is merged into one WITH, not nested
  const profiles = clickHouseStatement('artist_profile');
  assert.match(profiles, /^-- fanbase: artist_profile\nwith users as \(/);
  assert.match(clickHouseStatement('artist_profiles'), /\n\),\ncounted as \(/);
});

Sql('every parameter a question uses is bound, with one type per name', () => {
  const bound = new Set([
    ...Object.keys(parametersOf(resolveSettings({ asOf: '2026-06-15' }), true)),
    // what ClickHouseFanRepository.read binds besides the settings
    'artist_id',
    'limit',
    'offset',
    'after',
  ]);
  for (const name of QUESTIONS) {
    const types = new Map<string, Set<string>>();
    for (const [, param, type] of clickHouseStatement(name).matchAll(/\{(\w+):([^}]+)\}/g)) {
      assert.ok(bound.has(param as string), `${name} uses {${param}} which is never bound`);
      types.set(param as string, (types.get(param as string) ?? new Set()).add(type as string));
    }
    // artist_id is Nullable(Int64) in the relations (null: every artist) and Int64 where a question needs one
    for (const [param, seen] of types)
      if (param !== 'artist_id') assert.is(seen.size, 1, `${name} {${param}}: ${[...seen]}`);
  }
});

Sql('the schema runs in the order of its file names, tables before the views that write to them', () => {
  const names = schemaStatements().map((s) => s.name);
  assert.equal(names, [...names].sort());
  assert.ok(names.indexOf('05_artist_listening') < names.indexOf('06_artist_listening_mv'));
  assert.ok(
    names.indexOf('04_fanbase_settings') < names.indexOf('06_artist_listening_mv'),
    'the views read it',
  );
  for (const { sql } of schemaStatements())
    assert.match(sql, /if not exists/, 'the schema can be applied twice');
});

/** The columns of a `create table` statement, `name Type` per line, in order. */
function columnsOf(sql: string): string[] {
  const body = /\(\n([\s\S]*?)\n\)\n/.exec(sql)?.[1] ?? '';
  return body.split('\n').map((line) => line.trim().replace(/,$/, ''));
}

Sql("the cluster DDL keeps the single-node tables' columns and views' queries, table by table", () => {
  const cluster = readdirSync(`${SQL}clickhouse/cluster`)
    .filter((f) => f.endsWith('.sql'))
    .map((f) => clickHouseSqlFile(`cluster/${f.replace(/\.sql$/, '')}`));
  const created = (name: string) =>
    cluster.filter((sql) =>
      new RegExp(`create (table|materialized view) if not exists ${name} on cluster`).test(sql),
    );
  for (const { name, sql } of schemaStatements()) {
    const object = /create (?:table|materialized view) if not exists (\w+)/.exec(sql)?.[1] as string;
    if (name.endsWith('_mv')) {
      const [view] = created(object);
      assert.ok(view, `${object} on the cluster`);
      const query = (text: string) =>
        text.slice(text.indexOf('\nselect')).replaceAll('streams_source_local', 'streams_source');
      assert.is(query(view as string), query(sql), object);
      continue;
    }
    const versions = [...created(object), ...created(`${object}_local`)];
    assert.ok(versions.length > 0, `${object} on the cluster`);
    assert.ok(
      columnsOf(sql).length >= 1 && /^\w+ \w/.test(columnsOf(sql)[0] as string),
      `${object}: columns read`,
    );
    for (const version of versions) assert.equal(columnsOf(version), columnsOf(sql), object);
  }
});

Sql('each relation holds the grain its header states, on the edge cases and on the row issues', async () => {
  for (const [dir, asOf] of [
    ['edge-cases/csv', '2026-06-15'],
    ['row-issues/csv', '2026-06-15'],
  ] as const) {
    const settings = resolveSettings({ asOf });
    const transport = await chdbTransport();
    try {
      await loadExports(transport, join(FIXTURES, dir), {}, settings);
      for (const name of RELATIONS) {
        const grain = declaredGrain(clickHouseSqlFile(name));
        assert.ok(grain, `${name} states its grain`);
        const [row] = await transport.query(
          `select toInt64(count()) as rows, toInt64(uniqExact(tuple(${(grain as string[]).join(', ')}))) as keys from (${clickHouseStatement(name)})`,
          { ...parametersOf(settings, true), artist_id: null, limit: 0 },
        );
        if (dir === 'edge-cases/csv') assert.ok(Number(row?.rows) > 0, `${name} has rows`);
        assert.is(
          Number(row?.rows),
          Number(row?.keys),
          `${dir}: ${name} is one row per (${grain?.join(', ')})`,
        );
      }
    } finally {
      await transport.close();
    }
  }
});

Sql.run();
