import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { dataNotFound, dataUnreadable, type FanbaseError, invalidArgument } from '../domain/errors.js';
import { formatOf } from './source-format.js';

/**
 * Refuses a file given as the data folder, saying what was given and what is expected: a folder of
 * exports, or (where `snapshots` is true, as for opening) a `.duckdb` snapshot prepared by fanbase prepare.
 * A path that does not exist passes: the listing reports it, since a mapping may name every export by an
 * absolute path.
 */
export function checkDataFolder(dir: string, snapshots: boolean): void {
  let isFolder: boolean;
  try {
    isFolder = statSync(dir).isDirectory();
  } catch {
    return;
  }
  if (!isFolder) throw fileGiven(dir, snapshots);
}

/** The error for a data folder that cannot be listed: missing, unreadable, or not a folder. */
export function dataFolderError(dir: string, error: unknown): FanbaseError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const where = { file: dir };
  const options = { cause: error };
  if (code === 'EACCES' || code === 'EPERM') {
    return dataUnreadable(
      `data folder ${dir} cannot be read (permission denied): give this user read access to it, or copy the exports to a folder it can read`,
      where,
      options,
    );
  }
  if (code === 'ENOTDIR' && isFile(dir)) return fileGiven(dir, false, options);
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    const snapshot = dir.endsWith('.duckdb') ? ', or prepare the snapshot with fanbase prepare --out' : '';
    return dataNotFound(`data folder ${dir} does not exist: check the path${snapshot}`, where, options);
  }
  return dataUnreadable(
    `data folder ${dir} cannot be read (${code ?? (error as Error).message}): check the path`,
    where,
    options,
  );
}

function fileGiven(dir: string, snapshots: boolean, options?: ErrorOptions): FanbaseError {
  // an export file given for its folder is the likely mistake: name that folder
  const folder = formatOf(dir) ? ` (${dirname(dir)} holds it)` : '';
  const snapshot = snapshots ? ', or a .duckdb snapshot prepared by fanbase prepare' : '';
  return invalidArgument(
    `data ${dir} is a file: expected a folder of exports (users, streams, follows)${folder}${snapshot}`,
    { file: dir, field: 'data' },
    options,
  );
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
