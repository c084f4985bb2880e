import * as fc from 'fast-check';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { median, medianOfCounts } from '../../src/domain/median.js';

const Median = suite('median');

Median('is null for no value', () => {
  assert.is(median([]), null);
  assert.is(medianOfCounts([{ value: 30, count: 0 }]), null);
});

Median('is the middle value of an odd count, whatever the order', () => {
  assert.is(median([41, 14, 25, 18, 36, 17, 26, 18, 26]), 25);
  assert.is(median([7]), 7);
});

Median('is the mean of the two middle values of an even count, rounded half up', () => {
  assert.is(median([18, 25, 36, 41]), 31); // (25 + 36) / 2 = 30.5 -> 31
  assert.is(median([21, 22]), 22); // 21.5 -> 22
  assert.is(median([20, 22]), 21); // exact
  assert.is(median([26, 26, 18, 36]), 26);
});

Median('reads a histogram like the list it stands for', () => {
  assert.is(
    medianOfCounts([
      { value: 40, count: 1 },
      { value: 20, count: 2 },
      { value: 30, count: 1 },
    ]),
    25, // 20 20 30 40 -> (20 + 30) / 2
  );
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 60 }), (ages) => {
      const counts = new Map<number, number>();
      for (const a of ages) counts.set(a, (counts.get(a) ?? 0) + 1);
      const histogram = [...counts].map(([value, count]) => ({ value, count }));
      const sorted = [...ages].sort((a, b) => a - b);
      const n = sorted.length;
      const expected = Math.floor(
        ((sorted[Math.floor((n - 1) / 2)] as number) + (sorted[Math.floor(n / 2)] as number) + 1) / 2,
      );
      assert.is(medianOfCounts(histogram), expected);
      assert.is(median(ages), expected);
    }),
  );
});

Median('refuses fractional values', () => {
  assert.throws(() => median([1.5, 2]), /whole numbers/);
});

Median.run();
