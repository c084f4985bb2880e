import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { DEFAULT_DELIMITER, delimiterOf, guessDelimiter, separatedBy } from '../../src/load/csv-delimiter.js';

const Delimiter = suite('CSV delimiter');

Delimiter('a header read as one column gives away the delimiter it holds most', () => {
  assert.is(guessDelimiter(['user_id;birth_date;country'], ','), ';');
  assert.is(guessDelimiter(['user_id\tcountry'], ','), '\t');
  assert.is(guessDelimiter(['a|b|c;d'], ','), '|');
  assert.is(guessDelimiter(['user_id,country'], ';'), ',');
  assert.is(guessDelimiter(['user_id'], ','), undefined);
  assert.is(guessDelimiter(['a;b', 'c'], ','), undefined, 'two columns: the delimiter worked');
  assert.is(guessDelimiter(['a;b'], ';'), undefined, 'the delimiter used is no news');
});

Delimiter('the mapping gives the delimiter, "," by default, and messages say it', () => {
  assert.is(delimiterOf(undefined), DEFAULT_DELIMITER);
  assert.is(delimiterOf({ delimiter: '\t' }), '\t');
  assert.is(separatedBy(','), 'comma-separated, text with commas in double quotes');
  assert.is(separatedBy('\t'), '"\\t"-separated, text holding "\\t" in double quotes');
});

Delimiter.run();
