import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { describeValue } from '../../src/domain/describe-value.js';

const Describe = suite('describeValue');

Describe('names the kind of value, and short strings and numbers as they are', () => {
  assert.is(describeValue('123'), 'the string "123"');
  assert.is(describeValue('a'.repeat(50)), `the string "${'a'.repeat(40)}..."`);
  assert.is(describeValue(12.5), '12.5');
  assert.is(describeValue(Number.POSITIVE_INFINITY), 'Infinity');
  assert.is(describeValue(7n), '7n');
  assert.is(describeValue([1]), 'an array');
  assert.is(describeValue({ a: 1 }), 'an object');
  assert.is(describeValue(null), 'null');
  assert.is(describeValue(undefined), 'undefined');
});

Describe.run();
