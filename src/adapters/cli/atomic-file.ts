import { createWriteStream, realpathSync, statSync } from 'node:fs';
import { chmod, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { FanbaseError } from '../../domain/errors.js';

/**
 * Writes a file atomically: into a temporary file beside it, flushed to disk, then renamed into place.
 * A reader never sees a half-written file, and a failure leaves the previous file as it was. An existing
 * target keeps its permissions, and a symbolic link is followed (the file it points to is replaced).
 */
export async function writeAtomically(path: string, write: (out: Writable) => Promise<void>): Promise<void> {
  const target = existing(path);
  if (target?.isDirectory) {
    throw new FanbaseError('INVALID_ARGUMENT', `--output ${path} is a folder: give a file name`, {
      field: '--output',
    });
  }
  const real = target?.real ?? path;
  const temporary = join(dirname(real), `.${basename(real)}.${process.pid}.${Date.now()}.tmp`);
  // owner-only until renamed; then the old file's mode, or the usual 0644 for a new one
  const out = createWriteStream(temporary, { flags: 'wx', mode: 0o600 });
  try {
    await new Promise<void>((resolve, reject) => {
      out.once('open', () => resolve());
      out.once('error', reject);
    });
  } catch (error) {
    throw new FanbaseError(
      'INVALID_ARGUMENT',
      `--output ${path}: cannot write in ${dirname(real)} (${(error as NodeJS.ErrnoException).code}): check the folder exists and is writable`,
      { field: '--output' },
    );
  }
  try {
    await write(out);
    out.end();
    await finished(out);
    const handle = await open(temporary, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await chmod(temporary, target?.mode ?? 0o644 & ~process.umask());
    await rename(temporary, real);
  } catch (error) {
    out.destroy();
    await unlink(temporary).catch(() => {});
    if (error instanceof FanbaseError) throw error;
    throw new FanbaseError(
      'OUTPUT_FAILED',
      `--output ${path}: writing failed (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      {
        field: '--output',
      },
    );
  }
}

function existing(path: string): { real: string; mode: number; isDirectory: boolean } | undefined {
  try {
    const real = realpathSync(path);
    const stats = statSync(real);
    return { real, mode: stats.mode & 0o777, isDirectory: stats.isDirectory() };
  } catch {
    return undefined;
  }
}
