import { spawnSync } from 'node:child_process';
import { chmodSync, lchownSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The uid (and gid) of `nobody`: "another user" who plants links in the hostile layouts. */
export const OTHER_UID = 65534;

/** The uid of the writer, as the kernel's symlink rule sees it (-1 where there are no uids). */
export const WRITER_UID = process.geteuid?.() ?? -1;

/**
 * True when this process may give a file to another user (root). Otherwise says so on the test output,
 * so that a test that cannot build its hostile layout is seen as skipped rather than passed.
 */
export function canGiveAway(test: string): boolean {
  if (WRITER_UID === 0) return true;
  console.warn(`\n  SKIPPED (needs root to lchown a link to uid ${OTHER_UID}): ${test}`);
  return false;
}

/**
 * A folder like /tmp (mode 1777, owned by the writer) and, outside it, a file the writer owns: the layout
 * where another user plants a symbolic link hoping the writer replaces the file through it.
 */
export function stickyLayout(): { sticky: string; outside: string; target: string } {
  const root = mkdtempSync(join(tmpdir(), 'fanbase-sticky-'));
  const sticky = join(root, 'shared');
  const outside = join(root, 'private');
  mkdirSync(sticky);
  chmodSync(sticky, 0o1777); // chmod, not mkdir's mode: the umask would clear the world-write bit
  mkdirSync(outside);
  const target = join(outside, 'precious.csv');
  writeFileSync(target, 'precious\n', { mode: 0o600 });
  return { sticky, outside, target };
}

/** A symbolic link at `link` to `to`, owned by `uid` (as if that user had made it). */
export function plantLink(to: string, link: string, uid: number): string {
  symlinkSync(to, link);
  lchownSync(link, uid, uid);
  return link;
}

/** A FIFO at `path`, made with mkfifo(1) (Node has no mkfifo). */
export function makeFifo(path: string): string {
  const made = spawnSync('mkfifo', [path], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`mkfifo ${path}: ${made.stderr}`);
  return path;
}
