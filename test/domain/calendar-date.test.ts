import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { daysBefore, daysBetween, parseCalendarDate, todayUtc } from '../../src/domain/calendar-date.js';
import { FanbaseError } from '../../src/domain/errors.js';

const Parse = suite('parseCalendarDate');

Parse('accepts real dates written YYYY-MM-DD', () => {
  assert.is(parseCalendarDate('2026-06-15'), '2026-06-15');
  assert.is(parseCalendarDate('2028-02-29'), '2028-02-29');
});

Parse('refuses other writings and impossible dates, naming the field', () => {
  for (const text of ['2026-02-30', '2027-02-29', '15/06/2026', '2026-6-15', '2026-06-15T00:00:00Z', '']) {
    try {
      parseCalendarDate(text, 'asOf');
      assert.unreachable(text);
    } catch (error) {
      assert.instance(error, FanbaseError);
      assert.is((error as FanbaseError).code, 'INVALID_ARGUMENT');
      assert.match((error as Error).message, /asOf must be a date written YYYY-MM-DD/);
    }
  }
});

Parse.run();

const Days = suite('daysBefore / daysBetween / todayUtc');

Days('move across months and leap days', () => {
  assert.is(daysBefore('2026-06-15', 60), '2026-04-16');
  assert.is(daysBefore('2028-03-01', 1), '2028-02-29');
  assert.is(daysBetween('2026-04-16', '2026-06-15'), 60);
  assert.is(daysBetween('2026-06-15', '2026-06-10'), -5);
});

Days('today is the UTC date', () => {
  assert.is(todayUtc(new Date('2026-06-15T23:30:00-02:00')), '2026-06-16');
});

Days.run();
