import type { Stats } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fileKind } from '../../../src/adapters/cli/file-kind.js';

const Kind = suite('fileKind');

const KINDS = ['isFile', 'isDirectory', 'isFIFO', 'isCharacterDevice', 'isBlockDevice', 'isSocket'] as const;
/** Stats that answer true to `is` alone, as lstat gives them for that kind of file. */
const only = (is: (typeof KINDS)[number]) =>
  Object.fromEntries(KINDS.map((k) => [k, () => k === is])) as unknown as Stats;

Kind('names every kind of file --output may meet', () => {
  assert.is(fileKind(only('isFile')), 'a regular file');
  assert.is(fileKind(only('isDirectory')), 'a folder');
  assert.is(fileKind(only('isFIFO')), 'a FIFO');
  assert.is(fileKind(only('isCharacterDevice')), 'a character device');
  assert.is(fileKind(only('isBlockDevice')), 'a block device');
  assert.is(fileKind(only('isSocket')), 'a socket');
});

Kind.run();
