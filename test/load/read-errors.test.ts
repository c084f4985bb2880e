import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { FanbaseError } from '../../src/domain/errors.js';
import { translateReadError } from '../../src/load/read-errors.js';

const where = { table: 'streams', files: ['/data/streams.parquet'] };
const Translate = suite('translateReadError');

Translate('maps the DuckDB messages of broken exports to codes a user can act on', () => {
  const cases: [string, string, RegExp][] = [
    [
      'IO Error: No files found that match the pattern "/data/x/*.csv"',
      'DATA_NOT_FOUND',
      /no file matches \/data\/x\/\*.csv/,
    ],
    [
      "Invalid Input Error: No magic bytes found at end of file '/data/streams.parquet'",
      'DATA_UNREADABLE',
      /\/data\/streams.parquet is not a complete parquet file/,
    ],
    [
      'Invalid Input Error: Malformed JSON in file "/data/s.jsonl", at byte 3 in line 7: unexpected end of data.',
      'DATA_MALFORMED',
      /\/data\/s.jsonl, line 7: not valid JSON lines/,
    ],
    [
      'Invalid Input Error: CSV Error on Line: 12\nmore',
      'DATA_MALFORMED',
      /streams.parquet, line 12: malformed CSV/,
    ],
    ['Out of Memory Error: could not allocate', 'DATA_UNREADABLE', /cannot be read: Out of Memory Error/],
  ];
  for (const [message, code, pattern] of cases) {
    const error = translateReadError(new Error(message), where);
    assert.instance(error, FanbaseError);
    assert.is(error.code, code, message);
    assert.match(error.message, pattern);
    assert.is(error.location.table, 'streams');
    assert.instance(error.cause, Error);
  }
});

Translate('leaves FanbaseErrors as they are', () => {
  const original = new FanbaseError('DATA_WRONG_TYPE', 'x');
  assert.is(translateReadError(original, where), original);
});

Translate.run();
