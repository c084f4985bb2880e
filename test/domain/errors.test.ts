import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { dataColumnMissing, FanbaseError, internal, isFanbaseError } from '../../src/domain/errors.js';

const Errors = suite('FanbaseError');

Errors('carries a code and a location', () => {
  const error = new FanbaseError('DATA_COLUMN_MISSING', 'no column', {
    file: 'users.csv',
    column: 'user_id',
  });
  assert.is(error.name, 'FanbaseError');
  assert.is(error.code, 'DATA_COLUMN_MISSING');
  assert.equal(error.location, { file: 'users.csv', column: 'user_id' });
  assert.ok(isFanbaseError(error));
  assert.not.ok(isFanbaseError(new Error('x')));
});

Errors('one factory per code builds the same error', () => {
  const made = dataColumnMissing('no column', { column: 'user_id' }, { cause: 'x' });
  assert.ok(made instanceof FanbaseError);
  assert.is(made.code, 'DATA_COLUMN_MISSING');
  assert.equal(made.location, { column: 'user_id' });
  assert.is(made.cause, 'x');
  assert.is(internal('bug').code, 'INTERNAL');
});

Errors.run();
