import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { inFlagTerms } from '../../../src/adapters/cli/option-flags.js';
import { FanbaseError, invalidArgument, invalidOptions } from '../../../src/domain/errors.js';

const Flags = suite('inFlagTerms');

Flags("the library's option, named first, becomes the flag; the code, the rest of the location stay", () => {
  const said = inFlagTerms(
    invalidArgument('out x.txt: a snapshot file name ends with .duckdb', { field: 'out' }),
  );
  assert.ok(said instanceof FanbaseError);
  assert.is((said as FanbaseError).message, '--out x.txt: a snapshot file name ends with .duckdb');
  assert.is((said as FanbaseError).code, 'INVALID_ARGUMENT');
  assert.equal((said as FanbaseError).location, { field: '--out' });
  const asOf = inFlagTerms(
    invalidOptions('asOf must be a date', { field: 'asOf', file: 'x' }),
  ) as FanbaseError;
  assert.equal([asOf.message, asOf.location], ['--as-of must be a date', { field: '--as-of', file: 'x' }]);
});

Flags('an option not at the start, an unknown field, another error: unchanged', () => {
  const inside = invalidArgument('the data folder x is a file', { field: 'data' });
  assert.is((inFlagTerms(inside) as FanbaseError).message, 'the data folder x is a file');
  const other = invalidOptions('fan.minMsPlayed must be >= 0', { field: 'fan.minMsPlayed' });
  assert.is(inFlagTerms(other), other);
  const plain = new Error('x');
  assert.is(inFlagTerms(plain), plain);
});

Flags.run();
