import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { declaredReads } from '../../sql-header.js';

const SQL_DIR = fileURLToPath(new URL('../../../sql/clickhouse/', import.meta.url));

/**
 * The relations the questions are built from, in dependency order; each is `sql/clickhouse/<name>.sql`.
 * Where DuckDB stores them as tables at load, ClickHouse computes them per question (from the listening
 * tables its materialized views keep up to date), so a question is its file with the relations it uses
 * in front as common table expressions.
 */
export const RELATIONS = [
  'users',
  'follows',
  'streams_daily',
  'user_volume',
  'fans',
  'artist_profiles',
] as const;

const cache = new Map<string, string>();

/** The text of `sql/clickhouse/<name>.sql`, one statement, read once. */
export function clickHouseSqlFile(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(`${SQL_DIR}${name}.sql`, 'utf8').trim().replace(/;$/, '');
    cache.set(name, text);
  }
  return text;
}

/** The statement answering question `name`: the relations it reads (transitively) as CTEs, then its own text. */
export function clickHouseStatement(name: string): string {
  const key = `statement:${name}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const own = clickHouseSqlFile(name);
  // the relations it reads, as each file's header declares them, transitively
  const needed = new Set<string>();
  const visit = (text: string) => {
    for (const relation of declaredReads(text)) {
      if (!isRelation(relation) || needed.has(relation)) continue;
      needed.add(relation);
      visit(clickHouseSqlFile(relation));
    }
  };
  visit(own);
  const ctes = RELATIONS.filter((r) => needed.has(r)).map((r) => `${r} as (\n${clickHouseSqlFile(r)}\n)`);
  const body = withoutLeadingComments(own);
  let statement: string;
  if (ctes.length === 0) statement = body;
  else if (/^with\s/i.test(body)) statement = `with ${ctes.join(',\n')},\n${body.replace(/^with\s+/i, '')}`;
  else statement = `with ${ctes.join(',\n')}\n${body}`;
  statement = `-- fanbase: ${name}\n${statement}`;
  cache.set(key, statement);
  return statement;
}

/** The schema's DDL statements (`sql/clickhouse/schema/*.sql`), in the order of their file names. */
export function schemaStatements(): { name: string; sql: string }[] {
  return readdirSync(`${SQL_DIR}schema`)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => ({
      name: file.replace(/\.sql$/, ''),
      sql: clickHouseSqlFile(`schema/${file.replace(/\.sql$/, '')}`),
    }));
}

function isRelation(name: string): name is (typeof RELATIONS)[number] {
  return (RELATIONS as readonly string[]).includes(name);
}

function withoutLeadingComments(sql: string): string {
  return sql.replace(/^(\s*--[^\n]*\n)+/, '').trim();
}
