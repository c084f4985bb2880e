import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { isStickyWorldWritable, mayFollowSymlink } from '../../../src/adapters/cli/may-follow-symlink.js';

const Rule = suite('mayFollowSymlink (the kernel rule of fs.protected_symlinks=1)');

const ROOT = 0;
const NOBODY = 65534;
const ALICE = 1000;
// st_mode as stat gives it, with the file type bits of a folder
const FOLDER = 0o040000;

Rule(
  'a link in a sticky world-writable folder is followed only if the follower or the folder owns it',
  () => {
    const tmp = { folderMode: FOLDER | 0o1777, folderOwner: ROOT };
    assert.not.ok(mayFollowSymlink({ ...tmp, linkOwner: NOBODY, follower: ROOT }), 'planted by another user');
    assert.not.ok(
      mayFollowSymlink({ ...tmp, linkOwner: ALICE, follower: NOBODY }),
      'planted by another user',
    );
    assert.ok(mayFollowSymlink({ ...tmp, linkOwner: ROOT, follower: ROOT }), 'the follower made it');
    assert.ok(mayFollowSymlink({ ...tmp, linkOwner: ALICE, follower: ALICE }), 'the follower made it');
    assert.ok(mayFollowSymlink({ ...tmp, linkOwner: ROOT, follower: ALICE }), 'the folder owner made it');
    const alices = { folderMode: FOLDER | 0o1777, folderOwner: ALICE };
    assert.ok(mayFollowSymlink({ ...alices, linkOwner: ALICE, follower: ROOT }), 'the folder owner made it');
    assert.not.ok(mayFollowSymlink({ ...alices, linkOwner: NOBODY, follower: ROOT }), 'a third user made it');
  },
);

Rule('root is not exempt: the rule protects root above all', () => {
  assert.not.ok(
    mayFollowSymlink({ folderMode: 0o1777, folderOwner: ALICE, linkOwner: NOBODY, follower: ROOT }),
  );
});

Rule('outside a sticky world-writable folder every link is followed, whoever owns it', () => {
  for (const folderMode of [0o777, 0o1775, 0o1770, 0o1755, 0o755, 0o700, 0o2777, 0o1771]) {
    assert.ok(
      mayFollowSymlink({
        folderMode: FOLDER | folderMode,
        folderOwner: ROOT,
        linkOwner: NOBODY,
        follower: ROOT,
      }),
      folderMode.toString(8),
    );
  }
});

Rule('sticky and world-writable means both bits: the sticky bit and write for others', () => {
  assert.ok(isStickyWorldWritable(0o1777));
  assert.ok(isStickyWorldWritable(FOLDER | 0o1703));
  assert.ok(isStickyWorldWritable(0o3777), 'setgid too');
  assert.not.ok(isStickyWorldWritable(0o1775), 'group-writable only');
  assert.not.ok(isStickyWorldWritable(0o777), 'not sticky');
  assert.not.ok(isStickyWorldWritable(FOLDER | 0o755));
});

Rule.run();
