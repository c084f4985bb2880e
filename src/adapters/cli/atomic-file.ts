import { createWriteStream } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { FanbaseError } from '../../domain/errors.js';

/**
 * Writes a file atomically: into a temporary file beside it, flushed to disk, then renamed into place.
 * A reader never sees a half-written file, and a failure leaves the previous file as it was.
 */
export async function writeAtomically(path: string, write: (out: Writable) => Promise<void>): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const out = createWriteStream(temporary, { flags: 'wx' });
  try {
    await new Promise<void>((resolve, reject) => {
      out.once('open', () => resolve());
      out.once('error', reject);
    });
  } catch (error) {
    throw new FanbaseError(
      'INVALID_ARGUMENT',
      `--output ${path}: cannot write in ${dirname(path)} (${(error as NodeJS.ErrnoException).code}): check the folder exists and is writable`,
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
    await rename(temporary, path);
  } catch (error) {
    out.destroy();
    await unlink(temporary).catch(() => {});
    throw error;
  }
}
