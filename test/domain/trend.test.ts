import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { TREND_123, TREND_123_7D } from '../../fixtures/edge-cases/expected.js';
import { activityOf, firstContactOf, monthsBetween } from '../../src/domain/trend.js';

const Trend = suite('activity and trend');
const ALL = { name: 'all', since: null, until: '2026-06-15' };
const WEEK = { name: '7d', since: '2026-06-09', until: '2026-06-15' };

Trend('the first contact: the earlier of the first stream and the follow; an undated follow: none', () => {
  assert.is(firstContactOf('2026-06-10', null), '2026-06-10');
  assert.is(firstContactOf('2026-06-10', { on: '2026-01-01' }), '2026-01-01');
  assert.is(firstContactOf('2026-01-01', { on: '2026-06-10' }), '2026-01-01');
  assert.is(firstContactOf(null, { on: '2026-05-01' }), '2026-05-01');
  // a follow without a date counts in every window: its fan was there before any window began
  assert.is(firstContactOf('2026-06-10', { on: null }), null);
  assert.is(firstContactOf(null, null), null);
});

Trend('the months a window touches, each clipped to it, across a year and February', () => {
  assert.equal(monthsBetween('2025-12-20', '2026-03-02'), [
    { month: '2025-12', since: '2025-12-20', until: '2025-12-31' },
    { month: '2026-01', since: '2026-01-01', until: '2026-01-31' },
    { month: '2026-02', since: '2026-02-01', until: '2026-02-28' },
    { month: '2026-03', since: '2026-03-01', until: '2026-03-02' },
  ]);
  assert.equal(monthsBetween('2028-02-29', '2028-02-29'), [
    { month: '2028-02', since: '2028-02-29', until: '2028-02-29' },
  ]);
});

Trend('over all: every month from the first counted, empty ones listed, every fan new', () => {
  // artist 123 of the edge cases (TREND_123 works it out): 10 fans, all new over the load
  const { activity, trend } = activityOf(TREND_123, ALL, 10, 10);
  assert.equal(activity, [
    { segment: 'new', fans: 10 },
    { segment: 'active', fans: 0 },
    { segment: 'lapsed', fans: 0 },
  ]);
  assert.equal(
    trend.map((p) => [p.month, p.since, p.until, p.active_fans, p.new_fans]),
    [
      ['2026-01', '2026-01-01', '2026-01-31', 0, 1],
      ['2026-02', '2026-02-01', '2026-02-28', 0, 0],
      ['2026-03', '2026-03-01', '2026-03-31', 0, 0],
      ['2026-04', '2026-04-01', '2026-04-30', 1, 1],
      ['2026-05', '2026-05-01', '2026-05-31', 0, 1],
      ['2026-06', '2026-06-01', '2026-06-15', 8, 7],
    ],
  );
});

Trend('over 7d: new, active and lapsed as the fixture works them out', () => {
  // 7 fans in the week, 10 up to its end (TREND_123_7D)
  const { activity, trend } = activityOf(TREND_123_7D, WEEK, 7, 10);
  assert.equal(
    activity.map((a) => a.fans),
    [5, 2, 3],
  );
  assert.equal(trend, [
    { month: '2026-06', since: '2026-06-09', until: '2026-06-15', active_fans: 6, new_fans: 5 },
  ]);
});

Trend('a floor of 3: new and active as two buckets, lapsed and each month alone', () => {
  // 7d with k = 3: new 5 and active 2: active under 3 alone (2 < 3), then new, the smallest shown, joins it
  const week = activityOf(TREND_123_7D, WEEK, 7, 10, 3);
  assert.equal(
    week.activity.map((a) => a.fans),
    [null, null, 3],
  );
  assert.is(week.activityWithheldFans, 7);
  // new withheld: its months too (else June's 5 would tell it); June's 6 active fans stand alone
  assert.equal([week.trend[0]?.active_fans, week.trend[0]?.new_fans], [6, null]);
  assert.is(week.trendNewWithheldFans, 5);
  // over all with k = 3: new 10 shown, active 0 withheld (nothing in it); months' new fans: January,
  // April and May 1 each and the empty February and March withheld (3 in all, at the floor), June's 7 shown;
  // active: 1 in April under 3, and the empty months, withheld; June's 8 shown
  const all = activityOf(TREND_123, ALL, 10, 10, 3);
  assert.equal(
    all.activity.map((a) => a.fans),
    [10, null, null],
  );
  assert.equal(
    all.trend.map((p) => [p.active_fans, p.new_fans]),
    [
      [null, null],
      [null, null],
      [null, null],
      [null, null],
      [null, null],
      [8, 7],
    ],
  );
  assert.is(all.trendNewWithheldFans, 3);
});

Trend('months withheld under the floor take the smallest shown with them while they hold 1 to k - 1', () => {
  // new 9 over two months, 7 and 2, k 3: 2 withheld alone could be worked out as 9 - 7: 7 joins it
  const split = activityOf(
    [
      { month: '2026-05', active_fans: 7, new_fans: 7 },
      { month: '2026-06', active_fans: 4, new_fans: 2 },
    ],
    { name: 'r', since: '2026-05-01', until: '2026-06-30' },
    9,
    9,
    3,
  );
  assert.equal(
    split.trend.map((p) => p.new_fans),
    [null, null],
  );
  assert.is(split.trendNewWithheldFans, 9);
  assert.equal(
    split.trend.map((p) => p.active_fans),
    [7, 4],
  );
});

Trend('counts that cannot be: an internal error, not a wrong answer', () => {
  assert.throws(() => activityOf([{ month: '2026-06', active_fans: 1, new_fans: 3 }], WEEK, 2, 2));
  assert.throws(() => activityOf([], WEEK, 3, 2));
  assert.throws(() => activityOf([{ month: '2026-05', active_fans: 1, new_fans: 0 }], WEEK, 1, 1));
});

Trend.run();
