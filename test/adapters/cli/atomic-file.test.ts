import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { writeAtomically } from '../../../src/adapters/cli/atomic-file.js';
import { expectFanbaseError } from '../../support/expect-error.js';

const Atomic = suite('writeAtomically');

Atomic('replaces the file only once everything is written', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fanbase-atomic-'));
  const file = join(dir, 'out.csv');
  writeFileSync(file, 'old\n');
  await writeAtomically(file, async (out) => {
    out.write('new ');
    assert.is(readFileSync(file, 'utf8'), 'old\n', 'the old file is intact while writing');
    out.write('content\n');
  });
  assert.is(readFileSync(file, 'utf8'), 'new content\n');
  assert.equal(readdirSync(dir), ['out.csv']);
});

Atomic('a failure while writing keeps the old file and removes the temporary one', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fanbase-atomic-'));
  const file = join(dir, 'out.csv');
  writeFileSync(file, 'old\n');
  try {
    await writeAtomically(file, async (out) => {
      out.write('half');
      throw new Error('disk on fire');
    });
    assert.unreachable();
  } catch (error) {
    assert.match((error as Error).message, /disk on fire/);
  }
  assert.is(readFileSync(file, 'utf8'), 'old\n');
  assert.equal(readdirSync(dir), ['out.csv']);
});

Atomic('a folder that does not exist is named', async () => {
  await expectFanbaseError(
    () => writeAtomically('/nonexistent/x/out.csv', async () => {}),
    'INVALID_ARGUMENT',
    /--output \/nonexistent\/x\/out.csv: cannot write in \/nonexistent\/x \(ENOENT\)/,
  );
});

Atomic.run();
