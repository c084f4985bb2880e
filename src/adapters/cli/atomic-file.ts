import { randomBytes } from 'node:crypto';
import { type FileHandle, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { FanbaseError, invalidArgument, outputFailed } from '../../domain/errors.js';
import { fileKind } from './file-kind.js';
import { type OutputPath, resolveOutputPath } from './output-path.js';

/**
 * Refuses an --output that writeAtomically would refuse (a folder, a FIFO, a device, a planted link), before
 * any work: a command checks it first, so that no load runs for an answer it could not write.
 */
export function checkOutputTarget(path: string): OutputPath {
  const { real, existing } = resolveOutputPath(path);
  if (existing?.isDirectory()) usage(`--output ${path} is a folder: give a file name`);
  const folderEnd = FOLDER_END.exec(path)?.[0];
  if (folderEnd) usage(`--output ${path} ends with ${folderEnd}, so names a folder: give a file name`);
  if (existing && !existing.isFile()) {
    // renamed over, a FIFO or a device node would silently become a regular file (as root, /dev/null too)
    const where = real === resolve(path) ? '' : ` (${real})`;
    usage(
      `--output ${path} is ${fileKind(existing)}${where}, not a regular file: give a regular file's path, or leave out --output to write to stdout`,
    );
  }
  return { real, existing };
}

/**
 * Writes a file atomically: into a temporary file beside it, flushed to disk, then renamed into place.
 * A reader never sees a half-written file, and a failure leaves the previous file as it was. An existing
 * target keeps its permissions; a symbolic link is followed (the file it points to is replaced) unless
 * another user may have planted it (`mayFollowSymlink`); a folder, a FIFO, a device or a socket is refused.
 */
export async function writeAtomically(path: string, write: (out: Writable) => Promise<void>): Promise<void> {
  // checked again here: the path may have changed since the command checked it
  const { real, existing } = checkOutputTarget(path);
  // wx never follows a link planted at this name; the random part keeps others from taking the name first
  const temporary = join(
    dirname(real),
    `.${basename(real)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  let handle: FileHandle;
  try {
    // owner-only until renamed; then the old file's mode, or the usual 0644 for a new one
    handle = await open(temporary, 'wx', 0o600);
  } catch (error) {
    usage(
      `--output ${path}: cannot write in ${dirname(real)} (${(error as NodeJS.ErrnoException).code}): check the folder exists and is writable`,
    );
  }
  const out = handle.createWriteStream({ autoClose: false }); // still open once written, for the sync
  try {
    await write(out);
    out.end();
    await finished(out);
    // through the handle, not the name: whatever may have been put at the name since is not touched
    await handle.sync();
    await handle.chmod(existing ? existing.mode & 0o777 : 0o644 & ~process.umask());
    await closed(out);
    await rename(temporary, real);
  } catch (error) {
    out.destroy(); // closes the handle too
    await unlink(temporary).catch(() => {});
    if (error instanceof FanbaseError) throw error;
    throw outputFailed(
      `--output ${path}: writing failed (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      { field: '--output' },
    );
  }
}

// a/, a/. and a/.. name folders, even where a is a file (the kernel answers ENOTDIR)
const FOLDER_END = sep === '\\' ? /[\\/]\.{0,2}$/ : /\/\.{0,2}$/;

/** Closes a file stream (and so its handle), settled once the file is closed. */
function closed(out: Writable): Promise<void> {
  return new Promise((done, reject) => {
    out.once('close', done);
    out.once('error', reject);
    out.destroy();
  });
}

function usage(message: string): never {
  throw invalidArgument(message, { field: '--output' });
}
