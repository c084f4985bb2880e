import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { oneOf, single, wholeNumber } from '../../../src/adapters/cli/flags.js';
import { expectFanbaseError } from '../../support/expect-error.js';

const Flags = suite('flags');

Flags('single: text of one value, numbers as text, absent as undefined', async () => {
  assert.is(single('a', '--x'), 'a');
  assert.is(single(2026, '--x'), '2026');
  assert.is(single(undefined, '--x'), undefined);
  await expectFanbaseError(() => single(['a', 'b'], '--x'), 'INVALID_ARGUMENT', /--x is given 2 times/);
  await expectFanbaseError(() => single(true, '--x'), 'INVALID_ARGUMENT', /--x needs a value/);
});

Flags('wholeNumber: plain digits within bounds', async () => {
  assert.is(wholeNumber('42', '--n', 1), 42);
  assert.is(wholeNumber(42, '--n', 1), 42);
  assert.is(wholeNumber(undefined, '--n', 1), undefined);
  for (const bad of ['0', '-1', '1.5', 'x', '', '99999999999999999999']) {
    await expectFanbaseError(() => wholeNumber(bad, '--n', 1), 'INVALID_ARGUMENT', /--n/);
  }
  await expectFanbaseError(
    () => wholeNumber('16', '--p', 0, 15),
    'INVALID_ARGUMENT',
    /from 0 to 15, got "16"/,
  );
});

Flags('oneOf: an allowed word, or the fallback', async () => {
  assert.is(oneOf(undefined, '--format', ['csv', 'json'], 'csv'), 'csv');
  assert.is(oneOf('json', '--format', ['csv', 'json'], 'csv'), 'json');
  await expectFanbaseError(
    () => oneOf('xml', '--format', ['csv', 'json'], 'csv'),
    'INVALID_ARGUMENT',
    /one of csv, json/,
  );
});

Flags.run();
