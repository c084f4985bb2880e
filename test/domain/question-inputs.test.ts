import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { FanbaseError } from '../../src/domain/errors.js';
import { parseCount, parseId } from '../../src/domain/question-inputs.js';

const Ids = suite('parseId / parseCount');

Ids('accept whole numbers in range', () => {
  assert.is(parseId(123, 'artist_id'), 123);
  assert.is(parseId(0, 'artist_id'), 0);
  assert.is(parseId(Number.MAX_SAFE_INTEGER, 'artist_id'), Number.MAX_SAFE_INTEGER);
  assert.is(parseCount(3, 'nb_fans'), 3);
});

Ids('refuse anything else, naming the field and the value', () => {
  const bad: [unknown, RegExp][] = [
    ['123', /artist_id must be a whole number .* got the string "123"/],
    [1.5, /got 1\.5/],
    [-1, /got -1/],
    [2 ** 53, /got 9007199254740992/],
    [null, /got null/],
    [[1], /got an array/],
    [{ a: 1 }, /got an object/],
    [123n, /got 123n/],
    [Number.NaN, /got NaN/],
  ];
  for (const [value, message] of bad) {
    try {
      parseId(value, 'artist_id');
      assert.unreachable(String(value));
    } catch (error) {
      assert.instance(error, FanbaseError);
      assert.is((error as FanbaseError).code, 'INVALID_ARGUMENT');
      assert.equal((error as FanbaseError).location, { field: 'artist_id' });
      assert.match((error as Error).message, message);
    }
  }
  assert.throws(() => parseCount(0, 'nb_fans'), /nb_fans must be a whole number >= 1, got 0/);
});

Ids.run();
