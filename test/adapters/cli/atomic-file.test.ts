import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { writeAtomically } from '../../../src/adapters/cli/atomic-file.js';
import { expectFanbaseError } from '../../support/expect-error.js';
import {
  canGiveAway,
  makeFifo,
  OTHER_UID,
  plantLink,
  stickyLayout,
  WRITER_UID,
} from '../../support/hostile-folder.js';

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

const write = (text: string) => async (out: NodeJS.WritableStream) => {
  out.write(text);
};
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

Atomic('refuses a symbolic link another user planted in a sticky world-writable folder', async () => {
  if (!canGiveAway('writeAtomically refuses a planted link')) return;
  const { sticky, target } = stickyLayout();
  const link = plantLink(target, join(sticky, 'out.csv'), OTHER_UID);
  await expectFanbaseError(
    () => writeAtomically(link, write('new\n')),
    'INVALID_ARGUMENT',
    new RegExp(
      `^--output ${literal(link)} is a symbolic link owned by uid ${OTHER_UID} in the sticky world-writable folder ${literal(sticky)}: another user may have planted it; write to a path you own$`,
    ),
  );
  assert.is(readFileSync(target, 'utf8'), 'precious\n', 'the file it points to is untouched');
  assert.equal(readdirSync(sticky), ['out.csv'], 'no temporary file left');
  assert.ok(lstatSync(link).isSymbolicLink());
});

Atomic(
  'follows a link in a sticky world-writable folder that the writer or the folder owner made',
  async () => {
    if (!canGiveAway('writeAtomically follows the folder owner link')) return;
    const { sticky, target } = stickyLayout();
    const own = plantLink(target, join(sticky, 'mine.csv'), WRITER_UID);
    await writeAtomically(own, write('by the writer\n'));
    assert.is(readFileSync(target, 'utf8'), 'by the writer\n');
    assert.is(statSync(target).mode & 0o777, 0o600, 'the old mode is kept');
    // a folder owned by another user, sticky and world-writable: its owner's links are trusted
    chownSync(sticky, OTHER_UID, OTHER_UID);
    const theirs = plantLink(target, join(sticky, 'theirs.csv'), OTHER_UID);
    await writeAtomically(theirs, write('by the folder owner\n'));
    assert.is(readFileSync(target, 'utf8'), 'by the folder owner\n');
    assert.ok(lstatSync(own).isSymbolicLink() && lstatSync(theirs).isSymbolicLink());
  },
);

Atomic('follows a link another user made in a folder that is not sticky', async () => {
  if (!canGiveAway('writeAtomically follows a link in a non-sticky folder')) return;
  const { sticky, target } = stickyLayout();
  chmodSync(sticky, 0o777);
  const link = plantLink(target, join(sticky, 'out.csv'), OTHER_UID);
  await writeAtomically(link, write('new\n'));
  assert.is(readFileSync(target, 'utf8'), 'new\n');
});

Atomic('applies the rule to a link among the folders of the path, and to each link of a chain', async () => {
  if (!canGiveAway('writeAtomically refuses a planted folder link')) return;
  const { sticky, outside, target } = stickyLayout();
  const folderLink = plantLink(outside, join(sticky, 'reports'), OTHER_UID);
  await expectFanbaseError(
    () => writeAtomically(join(folderLink, 'out.csv'), write('new\n')),
    'INVALID_ARGUMENT',
    new RegExp(
      `^--output ${literal(join(folderLink, 'out.csv'))} goes through ${literal(folderLink)}, a symbolic link owned by uid ${OTHER_UID} in the sticky world-writable folder ${literal(sticky)}: another user may have planted it; write to a path you own$`,
    ),
  );
  assert.equal(readdirSync(outside), ['precious.csv'], 'nothing written where the link points');
  // a link of the writer's own that leads to a planted one
  const planted = plantLink(target, join(sticky, 'planted.csv'), OTHER_UID);
  const mine = mkdtempSync(join(tmpdir(), 'fanbase-atomic-'));
  symlinkSync(planted, join(mine, 'out.csv'));
  await expectFanbaseError(
    () => writeAtomically(join(mine, 'out.csv'), write('new\n')),
    'INVALID_ARGUMENT',
    new RegExp(`goes through ${literal(planted)}, a symbolic link owned by uid ${OTHER_UID}`),
  );
  assert.is(readFileSync(target, 'utf8'), 'precious\n');
  assert.equal(readdirSync(mine), ['out.csv']);
});

Atomic('resolves links as the kernel does: relative targets, and .. after a link to a folder', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fanbase-atomic-'));
  mkdirSync(join(dir, 'real/deep'), { recursive: true });
  symlinkSync('real/deep', join(dir, 'shortcut'));
  symlinkSync('../real/deep/out.csv', join(dir, 'real/up.csv'));
  await writeAtomically(join(dir, 'real/up.csv'), write('relative\n'));
  assert.is(readFileSync(join(dir, 'real/deep/out.csv'), 'utf8'), 'relative\n');
  // shortcut/.. is real, the folder above the one the link points to, not dir
  await writeAtomically(`${join(dir, 'shortcut')}/../beside.csv`, write('physical\n'));
  assert.is(readFileSync(join(dir, 'real/beside.csv'), 'utf8'), 'physical\n');
  assert.equal(readdirSync(dir).sort(), ['real', 'shortcut']);
  assert.ok(lstatSync(join(dir, 'real/up.csv')).isSymbolicLink());
});

Atomic('a loop of links is refused, not followed forever nor replaced', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fanbase-atomic-'));
  symlinkSync('b.csv', join(dir, 'a.csv'));
  symlinkSync('a.csv', join(dir, 'b.csv'));
  await expectFanbaseError(
    () => writeAtomically(join(dir, 'a.csv'), write('new\n')),
    'INVALID_ARGUMENT',
    new RegExp(
      `^--output ${literal(join(dir, 'a.csv'))}: more than 40 symbolic links to follow \\(a loop\\?\\): give the path of a file$`,
    ),
  );
  assert.ok(lstatSync(join(dir, 'a.csv')).isSymbolicLink() && lstatSync(join(dir, 'b.csv')).isSymbolicLink());
  assert.equal(readdirSync(dir).sort(), ['a.csv', 'b.csv']);
});

Atomic('refuses a FIFO, a socket and device nodes, and leaves them as they were', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fanbase-atomic-'));
  const fifo = makeFifo(join(dir, 'fifo'));
  await expectFanbaseError(
    () => writeAtomically(fifo, write('new\n')),
    'INVALID_ARGUMENT',
    new RegExp(
      `^--output ${literal(fifo)} is a FIFO, not a regular file: give a regular file's path, or leave out --output to write to stdout$`,
    ),
  );
  assert.ok(lstatSync(fifo).isFIFO());
  const socket = join(dir, 'socket');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  try {
    await expectFanbaseError(
      () => writeAtomically(socket, write('new\n')),
      'INVALID_ARGUMENT',
      /is a socket, not a regular file/,
    );
    assert.ok(lstatSync(socket).isSocket());
  } finally {
    server.close(); // removes the socket
  }
  // device nodes of our own (never /dev/null itself: a regression would replace the machine's)
  const made = spawnSync('mknod', [join(dir, 'null'), 'c', '1', '3']).status === 0;
  if (!made) console.warn('\n  SKIPPED (mknod not permitted): writeAtomically refuses device nodes');
  else {
    symlinkSync(join(dir, 'null'), join(dir, 'to-null'));
    await expectFanbaseError(
      () => writeAtomically(join(dir, 'to-null'), write('new\n')),
      'INVALID_ARGUMENT',
      new RegExp(
        `^--output ${literal(join(dir, 'to-null'))} is a character device \\(${literal(join(dir, 'null'))}\\), not a regular file`,
      ),
    );
    assert.ok(lstatSync(join(dir, 'null')).isCharacterDevice());
    assert.is(spawnSync('mknod', [join(dir, 'loop'), 'b', '7', '0']).status, 0);
    await expectFanbaseError(
      () => writeAtomically(join(dir, 'loop'), write('new\n')),
      'INVALID_ARGUMENT',
      /is a block device, not a regular file/,
    );
    assert.ok(lstatSync(join(dir, 'loop')).isBlockDevice());
  }
  assert.equal(readdirSync(dir).sort(), made ? ['fifo', 'loop', 'null', 'to-null'] : ['fifo']);
});

Atomic('a folder is refused, named as a folder, also with a trailing slash', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fanbase-atomic-'));
  await expectFanbaseError(
    () => writeAtomically(dir, write('new\n')),
    'INVALID_ARGUMENT',
    new RegExp(`^--output ${literal(dir)} is a folder: give a file name$`),
  );
  writeFileSync(join(dir, 'out.csv'), 'old\n');
  await expectFanbaseError(
    () => writeAtomically(`${join(dir, 'out.csv')}/`, write('new\n')),
    'INVALID_ARGUMENT',
    /out.csv\/ ends with \/, so names a folder: give a file name$/,
  );
  assert.is(readFileSync(join(dir, 'out.csv'), 'utf8'), 'old\n');
  assert.equal(readdirSync(dir), ['out.csv']);
});

Atomic.run();
