import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { FanbaseError } from '../../src/domain/errors.js';
import { resolveWindow } from '../../src/domain/time-window.js';

const Windows = suite('resolveWindow');
const load = { asOf: '2026-07-01', windowStart: null };

Windows('all, or nothing given, is the load as it is', () => {
  assert.is(resolveWindow('all', load), null);
  assert.is(resolveWindow(undefined, load), null);
  assert.is(resolveWindow(null, load), null);
});

Windows('the named windows end on as_of, both ends included', () => {
  // 7 days ending 1 July: 25, 26, 27, 28, 29, 30 June and 1 July
  assert.equal(resolveWindow('7d', load), { name: '7d', start: '2026-06-25', end: '2026-07-01' });
  // 28 days ending 1 July: the 27 days 4..30 June and 1 July (the example)
  assert.equal(resolveWindow('28d', load), { name: '28d', start: '2026-06-04', end: '2026-07-01' });
  // 12 months back from 1 July 2026 is 1 July 2025, so the window starts the day after
  assert.equal(resolveWindow('12m', load), { name: '12m', start: '2025-07-02', end: '2026-07-01' });
  // 12 months back from 29 February 2028 is 28 February 2027 (no 29th): the window starts on 1 March
  assert.equal(resolveWindow('12m', { asOf: '2028-02-29', windowStart: null })?.start, '2027-03-01');
  // 7 days across a year's end: 26..31 December and 1 January
  assert.equal(resolveWindow('7d', { asOf: '2027-01-01', windowStart: null })?.start, '2026-12-26');
});

Windows('a range is taken as written, a single day too', () => {
  assert.equal(resolveWindow('2026-06-01..2026-06-30', load), {
    name: '2026-06-01..2026-06-30',
    start: '2026-06-01',
    end: '2026-06-30',
  });
  assert.equal(resolveWindow('2026-07-01..2026-07-01', load)?.end, '2026-07-01');
});

Windows("a window reaching before the load's own start starts there", () => {
  const since = { asOf: '2026-07-01', windowStart: '2026-06-20' };
  assert.equal(resolveWindow('28d', since), { name: '28d', start: '2026-06-20', end: '2026-07-01' });
  assert.equal(resolveWindow('7d', since)?.start, '2026-06-25');
});

Windows('anything else is refused, saying what is accepted', () => {
  const cases: [unknown, RegExp][] = [
    [
      '30d',
      /window must be "all", "7d", "28d", "12m" or a range "YYYY-MM-DD\.\.YYYY-MM-DD".* got the string "30d"/,
    ],
    ['28D', /got the string "28D"/],
    [28, /got 28/],
    ['2026-06-01', /got the string "2026-06-01"/],
    ['2026-06-01...2026-06-30', /a range/],
    ['2026-02-30..2026-03-01', /window start must be a date written YYYY-MM-DD, got "2026-02-30"/],
    ['2026-06-30..2026-06-01', /starts after it ends/],
    ['2026-06-01..2026-07-02', /ends after as_of \(2026-07-01\)/],
  ];
  for (const [value, message] of cases) {
    try {
      resolveWindow(value, load);
      assert.unreachable(String(value));
    } catch (error) {
      assert.instance(error, FanbaseError);
      assert.is((error as FanbaseError).code, 'INVALID_ARGUMENT');
      assert.match((error as Error).message, message);
    }
  }
});

Windows.run();
