import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SQL_DIR = fileURLToPath(new URL('../../sql/', import.meta.url));
const cache = new Map<string, string>();

/** The text of `sql/<name>.sql`, one statement, read once. */
export function sqlFile(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(`${SQL_DIR}${name}.sql`, 'utf8').trim().replace(/;$/, '');
    cache.set(name, text);
  }
  return text;
}

/** The named parameters (`$name`) a statement uses, so that exactly those are bound. */
export function parameterNames(sql: string): string[] {
  return [...new Set([...sql.matchAll(/\$([a-z_][a-z0-9_]*)/g)].map((m) => m[1] as string))];
}

/** A value bound to a named parameter. */
export type Param = string | number | boolean | null;

/**
 * The values of exactly the parameters `sql` names (null for one not given): DuckDB refuses a statement
 * bound with a parameter it does not name. The one place that picks them.
 */
export function boundParameters(sql: string, values: Readonly<Record<string, Param>>): Record<string, Param> {
  const bound: Record<string, Param> = {};
  for (const name of parameterNames(sql)) bound[name] = values[name] ?? null;
  return bound;
}
