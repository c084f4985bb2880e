import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { FIXTURES } from './duckdb.js';

const DIST = new URL('../../dist/bin/', import.meta.url).pathname;

/** Runs a built command as a user would, with no FANBASE_* variables unless given. */
export function run(command: 'topfans' | 'fanbase', args: string[], env: Record<string, string> = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('FANBASE_')));
  const result = spawnSync(process.execPath, [join(DIST, `${command}.js`), ...args], {
    encoding: 'utf8',
    env: { ...clean, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The flags that point a command at a fixture dataset on its fixed date. */
export const at = (dataset: string, asOf = '2026-06-15') => [
  '--data',
  join(FIXTURES, dataset),
  '--as-of',
  asOf,
];

export const COMMAND = (name: string) => join(DIST, `${name}.js`);
