import { readFileSync } from 'node:fs';

const SQL_DIR = new URL('./sql/', import.meta.url).pathname;

/**
 * One peer SQL file's text, without its comments: a driver that rewrites named placeholders (mysql2) would
 * read an apostrophe in a comment as the start of a string. No statement here holds `--` in a string.
 */
export function peerSql(dialect: 'postgres' | 'mariadb', name: string): string {
  return readFileSync(`${SQL_DIR}${dialect}/${name}.sql`, 'utf8').replace(/--.*$/gm, '');
}

/** A DDL script's statements, in order (split at semicolons ending a line). */
export function statements(script: string): string[] {
  return script
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
