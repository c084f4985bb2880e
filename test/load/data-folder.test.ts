import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { DATA_CONTRACT } from '../../src/domain/data-contract.js';
import { checkDataFolder, dataFolderError } from '../../src/load/data-folder.js';
import { locateSource } from '../../src/load/locate-source.js';
import { FIXTURES } from '../support/duckdb.js';
import { expectFanbaseError } from '../support/expect-error.js';

const users = DATA_CONTRACT[0] as (typeof DATA_CONTRACT)[number];
const errno = (code: string) => Object.assign(new Error(`${code}: failed`), { code });
const Folder = suite('data folder');

Folder('a file given as the data folder says what was given and what is expected', async () => {
  const file = join(FIXTURES, 'edge-cases/csv/users.csv');
  const error = await expectFanbaseError(() => checkDataFolder(file, true), 'INVALID_ARGUMENT');
  assert.is(
    error.message,
    `data ${file} is a file: expected a folder of exports (users, streams, follows) (${join(FIXTURES, 'edge-cases/csv')} holds it), or a .duckdb snapshot prepared by fanbase prepare`,
  );
  const notes = join(mkdtempSync(join(tmpdir(), 'fanbase-folder-')), 'notes.txt');
  writeFileSync(notes, 'x');
  const prepare = await expectFanbaseError(() => checkDataFolder(notes, false), 'INVALID_ARGUMENT');
  assert.is(
    prepare.message,
    `data ${notes} is a file: expected a folder of exports (users, streams, follows)`,
  );
  checkDataFolder(join(FIXTURES, 'edge-cases/csv'), true);
  checkDataFolder('/nowhere', true); // reported by the listing, which a mapping of absolute paths never needs
});

Folder('a folder that cannot be listed: missing, unreadable, a file, another failure', async () => {
  const missing = dataFolderError('/nowhere', errno('ENOENT'));
  assert.is(missing.code, 'DATA_NOT_FOUND');
  assert.is(missing.message, 'data folder /nowhere does not exist: check the path');
  assert.is(
    dataFolderError('/x/edge.duckdb', errno('ENOENT')).message,
    'data folder /x/edge.duckdb does not exist: check the path, or prepare the snapshot with fanbase prepare --out',
  );
  const denied = dataFolderError('/x/exports', errno('EACCES'));
  assert.is(denied.code, 'DATA_UNREADABLE');
  assert.is(
    denied.message,
    'data folder /x/exports cannot be read (permission denied): give this user read access to it, or copy the exports to a folder it can read',
  );
  assert.is(dataFolderError('/x/exports', errno('EPERM')).code, 'DATA_UNREADABLE');
  assert.is(
    dataFolderError('/x/exports', errno('EIO')).message,
    'data folder /x/exports cannot be read (EIO): check the path',
  );
  const file = join(FIXTURES, 'edge-cases/csv/users.csv');
  await expectFanbaseError(
    () => locateSource(file, users, undefined),
    'INVALID_ARGUMENT',
    /is a file: expected a folder of exports \(users, streams, follows\)/,
  );
  await expectFanbaseError(
    () => locateSource(join(file, 'below'), users, undefined),
    'DATA_NOT_FOUND',
    /users.csv\/below does not exist: check the path$/,
  );
});

Folder('a folder this user may not read is said to be unreadable, not missing', async () => {
  if (process.getuid?.() === 0) return; // root reads every folder: the errno case above stands in
  const dir = join(mkdtempSync(join(tmpdir(), 'fanbase-folder-')), 'locked');
  mkdirSync(dir);
  chmodSync(dir, 0o000);
  try {
    await expectFanbaseError(
      () => locateSource(dir, users, undefined),
      'DATA_UNREADABLE',
      /permission denied/,
    );
  } finally {
    chmodSync(dir, 0o755);
  }
});

Folder.run();
