import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Removes the temporary files of earlier prepares of `out` whose process is gone (killed mid-way). */
export function removeLeftovers(out: string): void {
  const dir = dirname(out);
  const prefix = `${basename(out)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = new RegExp(`^${escapeRegExp(prefix)}(\\d+)\\.tmp(\\.wal)?$`).exec(name)?.[1];
    if (pid !== undefined && !isAlive(Number(pid))) rmSync(join(dir, name), { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Removes a DuckDB file and its write-ahead log. */
export function removeDatabase(file: string): void {
  rmSync(file, { force: true });
  rmSync(`${file}.wal`, { force: true });
}
