import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { formatOf } from '../../src/load/source-format.js';

const Format = suite('formatOf');

Format('tells the format from the extension, through a compression suffix', () => {
  assert.is(formatOf('a/streams.csv.gz'), 'csv');
  assert.is(formatOf('streams.ndjson'), 'jsonl');
  assert.is(formatOf('users.PQ'), 'parquet');
  assert.is(formatOf('streams.xlsx'), undefined);
});

Format.run();
