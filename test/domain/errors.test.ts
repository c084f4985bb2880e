import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { FanbaseError, isFanbaseError } from '../../src/domain/errors.js';

const Errors = suite('FanbaseError');

Errors('carries a code, a location and whether to expose it', () => {
  const error = new FanbaseError('DATA_COLUMN_MISSING', 'no column', {
    file: 'users.csv',
    column: 'user_id',
  });
  assert.is(error.name, 'FanbaseError');
  assert.is(error.code, 'DATA_COLUMN_MISSING');
  assert.is(error.expose, true);
  assert.equal(error.location, { file: 'users.csv', column: 'user_id' });
  assert.ok(isFanbaseError(error));
  assert.not.ok(isFanbaseError(new Error('x')));
});

Errors('internal errors are not exposed', () => {
  assert.is(new FanbaseError('INTERNAL', 'bug').expose, false);
});

Errors.run();
