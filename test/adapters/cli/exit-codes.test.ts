import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { EXIT, exitCodeOf } from '../../../src/adapters/cli/exit-codes.js';
import { FanbaseError } from '../../../src/domain/errors.js';

const Codes = suite('exitCodeOf');

Codes('usage mistakes are 2, data and other failures 1', () => {
  assert.is(exitCodeOf(new FanbaseError('INVALID_ARGUMENT', 'x')), EXIT.usage);
  assert.is(exitCodeOf(new FanbaseError('INVALID_OPTIONS', 'x')), 2);
  assert.is(exitCodeOf(Object.assign(new Error('Unknown option `--x`'), { name: 'CACError' })), 2);
  for (const code of [
    'DATA_NOT_FOUND',
    'DATA_WRONG_TYPE',
    'DATA_MALFORMED',
    'INVALID_MAPPING',
    'INTERNAL',
  ] as const) {
    assert.is(exitCodeOf(new FanbaseError(code, 'x')), EXIT.failure, code);
  }
  assert.is(exitCodeOf(new Error('bug')), 1);
});

Codes.run();
