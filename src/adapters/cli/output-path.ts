import { lstatSync, readlinkSync, type Stats, statSync } from 'node:fs';
import { dirname, isAbsolute, join, parse, sep } from 'node:path';
import { FanbaseError, invalidArgument } from '../../domain/errors.js';
import { mayFollowSymlink } from './may-follow-symlink.js';

/** Linux's MAXSYMLINKS: a path that goes through more links than this is taken for a loop (ELOOP). */
export const MAX_LINKS = 40;

/** Where `--output` really writes (every link resolved) and what is there now (lstat), if anything. */
export interface OutputPath {
  real: string;
  existing?: Stats;
}

/**
 * Resolves the `--output` path one name at a time, as the kernel does (`..` after a link climbs from where
 * the link led), and checks every symbolic link met, in a folder of the path or at its end, against
 * `mayFollowSymlink`: the kernel's protected_symlinks rule, which may be off on the machine.
 */
export function resolveOutputPath(path: string, follower = process.geteuid?.() ?? -1): OutputPath {
  try {
    return walk(path, follower);
  } catch (error) {
    if (error instanceof FanbaseError) throw error;
    // a link or folder removed while being looked at: the path is changing under the command
    throw refusal(
      `--output ${path}: cannot follow its path (${(error as NodeJS.ErrnoException).code}): it changed while read, try again`,
    );
  }
}

function walk(path: string, follower: number): OutputPath {
  const root = parse(path).root;
  let resolved = isAbsolute(path) ? root : process.cwd();
  let pending = names(path.slice(root.length));
  let links = 0;
  for (let name = pending.shift(); name !== undefined; name = pending.shift()) {
    if (name === '..') {
      resolved = dirname(resolved);
      continue;
    }
    const next = join(resolved, name);
    let stats: Stats;
    try {
      stats = lstatSync(next);
    } catch {
      // missing or unreachable: left to the open, whose error (ENOENT, EACCES) names the folder
      return { real: [next, ...pending].join(sep) };
    }
    if (!stats.isSymbolicLink()) {
      // a file with names after it (file/x, file/..) is left to the open too: ENOTDIR
      if (pending.length > 0 && !stats.isDirectory()) return { real: [next, ...pending].join(sep) };
      resolved = next;
      if (pending.length === 0) return { real: resolved, existing: stats };
      continue;
    }
    links += 1;
    if (links > MAX_LINKS) {
      throw refusal(
        `--output ${path}: more than ${MAX_LINKS} symbolic links to follow (a loop?): give the path of a file`,
      );
    }
    const folder = statSync(resolved);
    if (
      !mayFollowSymlink({ linkOwner: stats.uid, folderMode: folder.mode, folderOwner: folder.uid, follower })
    ) {
      const link = links === 1 && pending.length === 0 ? `${path} is` : `${path} goes through ${next},`;
      throw refusal(
        `--output ${link} a symbolic link owned by uid ${stats.uid} in the sticky world-writable folder ${resolved}: another user may have planted it; write to a path you own`,
      );
    }
    const target = readlinkSync(next);
    const targetRoot = parse(target).root;
    if (isAbsolute(target)) resolved = targetRoot;
    pending = [...names(target.slice(targetRoot.length)), ...pending];
  }
  // a root, or a path ending in ..: a folder
  return { real: resolved, existing: statSync(resolved) };
}

// a backslash is a separator on Windows only: elsewhere it may be part of a name
const SEPARATORS = sep === '\\' ? /[\\/]/ : '/';

/** The names of a path without its root; `.` and empty names (a//b) change nothing. */
function names(path: string): string[] {
  return path.split(SEPARATORS).filter((name) => name !== '' && name !== '.');
}

function refusal(message: string): FanbaseError {
  return invalidArgument(message, { field: '--output' });
}
