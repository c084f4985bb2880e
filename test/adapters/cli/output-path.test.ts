import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { MAX_LINKS, resolveOutputPath } from '../../../src/adapters/cli/output-path.js';
import { expectFanbaseError } from '../../support/expect-error.js';
import { canGiveAway, OTHER_UID, plantLink, stickyLayout, WRITER_UID } from '../../support/hostile-folder.js';

const Resolve = suite('resolveOutputPath');
const folder = () => realpathSync(mkdtempSync(join(tmpdir(), 'fanbase-outpath-')));

Resolve('a plain path: itself, with what is there now, or nothing for a new file', () => {
  const dir = folder();
  writeFileSync(join(dir, 'old.csv'), 'x');
  const old = resolveOutputPath(join(dir, 'old.csv'));
  assert.is(old.real, join(dir, 'old.csv'));
  assert.ok(old.existing?.isFile());
  assert.equal(resolveOutputPath(join(dir, 'new.csv')), { real: join(dir, 'new.csv') });
  // a missing folder is left to the open, which names it
  assert.equal(resolveOutputPath(join(dir, 'nowhere', 'x.csv')), { real: join(dir, 'nowhere', 'x.csv') });
});

Resolve('links resolve to where they lead, relative targets and .. after a link included', () => {
  const dir = folder();
  mkdirSync(join(dir, 'a', 'b'), { recursive: true });
  writeFileSync(join(dir, 'a', 'target.csv'), 'x');
  symlinkSync('a/b', join(dir, 'to-b'));
  symlinkSync('target.csv', join(dir, 'a', 'link.csv'));
  // to-b/.. is a (where the link led), not dir; written as text: path.join would fold the ..
  assert.is(resolveOutputPath(`${dir}/to-b/../link.csv`).real, join(dir, 'a', 'target.csv'));
  // a link to a file that does not exist yet: the file is written where it points
  symlinkSync('later.csv', join(dir, 'a', 'dangling.csv'));
  assert.is(resolveOutputPath(join(dir, 'a', 'dangling.csv')).real, join(dir, 'a', 'later.csv'));
});

Resolve(`more than ${MAX_LINKS} links is a loop, refused`, async () => {
  const dir = folder();
  symlinkSync('b', join(dir, 'a'));
  symlinkSync('a', join(dir, 'b'));
  await expectFanbaseError(
    () => resolveOutputPath(join(dir, 'a')),
    'INVALID_ARGUMENT',
    /more than 40 symbolic links to follow \(a loop\?\)/,
  );
});

Resolve('a link another user planted in a sticky world-writable folder is refused', async () => {
  if (!canGiveAway('resolveOutputPath refuses a planted link')) return;
  const { sticky, target } = stickyLayout();
  const link = plantLink(target, join(sticky, 'top.csv'), OTHER_UID);
  await expectFanbaseError(
    () => resolveOutputPath(link, WRITER_UID),
    'INVALID_ARGUMENT',
    new RegExp(`is a symbolic link owned by uid ${OTHER_UID} in the sticky world-writable folder`),
  );
  // the same link, seen by its owner, is followed
  assert.is(resolveOutputPath(link, OTHER_UID).real, target);
});

Resolve.run();
