import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { plainRows, plainValue } from '../../src/duckdb/plain-values.js';

const Plain = suite('plainValue');

Plain('turns bigint into number and dates into ISO text, deeply', () => {
  assert.equal(
    plainValue({
      n: 42n,
      d: new Date('2026-06-15T00:00:00Z'),
      t: new Date('2026-06-15T10:30:00Z'),
      list: [{ value: 30, count: 2n }],
      s: 'FR',
      b: true,
      x: null,
    }),
    {
      n: 42,
      d: '2026-06-15',
      t: '2026-06-15T10:30:00.000Z',
      list: [{ value: 30, count: 2 }],
      s: 'FR',
      b: true,
      x: null,
    },
  );
  assert.equal(plainRows([{ a: 1n }, { a: undefined }]), [{ a: 1 }, { a: null }]);
});

Plain('refuses a bigint that a number cannot hold exactly', () => {
  assert.throws(() => plainValue(2n ** 53n + 1n), /beyond 2\^53/);
  assert.is(plainValue(2n ** 53n - 1n), Number.MAX_SAFE_INTEGER);
});

Plain.run();
