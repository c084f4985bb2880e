import { type CalendarDate, daysBefore, parseCalendarDate } from './calendar-date.js';
import { describeValue } from './describe-value.js';
import { invalidArgument } from './errors.js';
import type { Settings } from './settings.js';

/** A question's window as a caller writes it: `all`, `7d`, `28d`, `12m` or `YYYY-MM-DD..YYYY-MM-DD`. */
export type WindowName = string;

/** The windows with a name, each ending on `as_of`; `all` is every stream the load kept. */
export const STANDARD_WINDOWS = ['all', '7d', '28d', '12m'] as const;

/** What the error for a bad window lists as accepted. */
const RANGE = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;
const ACCEPTED = `"all", "7d", "28d", "12m" or a range "YYYY-MM-DD..YYYY-MM-DD" ending at the latest on as_of`;

/**
 * A window resolved against the load: the streams of `start` to `end` (both days included) count, and the
 * follows made by `end`; `end` is the day recency counts from. Ages stay those at `as_of`.
 */
export interface TimeWindow {
  /** The window as asked, e.g. `28d` or `2026-06-01..2026-06-30`. */
  name: WindowName;
  /** The first day whose streams count: the later of the window's start and the load's; null for none. */
  start: CalendarDate | null;
  /** The last day whose streams count, at most `as_of`. */
  end: CalendarDate;
}

/**
 * Checks that `value` is written as a window (`field` names it in the message), before any data is read:
 * one of `STANDARD_WINDOWS`, or a range of two real dates, the earlier first. Whether a range ends by
 * `as_of` is `resolveWindow`'s to say, once the load is known.
 */
export function parseWindowName(value: unknown, field = 'window'): WindowName {
  if (typeof value === 'string' && (STANDARD_WINDOWS as readonly string[]).includes(value)) return value;
  const range = typeof value === 'string' ? RANGE.exec(value) : null;
  if (!range) throw bad(field, value);
  const start = parseCalendarDate(range[1] as string, `${field} start`);
  const end = parseCalendarDate(range[2] as string, `${field} end`);
  if (start > end) {
    throw invalidArgument(`${field} ${value} starts after it ends: write the earlier date first`, { field });
  }
  return value as string;
}

/**
 * Checks a window (`field` names it in the message) and resolves it against `settings`: null for `all`,
 * which the repositories answer from the aggregates of the load as they are. `28d` on 2026-07-01 is
 * 2026-06-04..2026-07-01; `12m` on 2026-07-01 is 2025-07-02..2026-07-01 (a month back from the 31st is the
 * month's last day). A window reaching before the load's own start (`fan.since`, `fan.windowDays`) starts
 * there: streams the load left out are not there to count.
 */
export function resolveWindow(
  value: unknown,
  settings: Pick<Settings, 'asOf' | 'windowStart'>,
  field = 'window',
): TimeWindow | null {
  if (value === undefined || value === null) return null;
  const name = parseWindowName(value, field);
  const { asOf, windowStart } = settings;
  let start: CalendarDate;
  let end: CalendarDate = asOf;
  if (name === 'all') return null;
  if (name === '7d' || name === '28d') start = daysBefore(asOf, Number.parseInt(name, 10) - 1);
  else if (name === '12m') start = daysBefore(monthsBefore(asOf, 12), -1);
  else {
    [start, end] = name.split('..') as [CalendarDate, CalendarDate];
    if (end > asOf) {
      throw invalidArgument(
        `${field} ${name} ends after as_of (${asOf}): the data holds nothing later; end it on ${asOf} at the latest`,
        { field },
      );
    }
  }
  return { name, start: windowStart !== null && windowStart > start ? windowStart : start, end };
}

/** The same day `months` months earlier, or that month's last day when it is shorter. */
function monthsBefore(date: CalendarDate, months: number): CalendarDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = index % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, last))).toISOString().slice(0, 10);
}

function bad(field: string, value: unknown) {
  return invalidArgument(`${field} must be ${ACCEPTED}, got ${describeValue(value)}`, { field });
}

/** A window as answers describe it: its name, its first day (null: from the first stream the load kept) and its last, both included. */
export interface AnswerWindow {
  name: string;
  since: string | null;
  until: string;
}

/** `window` resolved against the load, as answers describe it (an INVALID_ARGUMENT error for a range past `as_of`). */
export function describeWindow(
  window: WindowName | undefined,
  settings: Pick<Settings, 'asOf' | 'windowStart'>,
): AnswerWindow {
  const resolved = resolveWindow(window, settings);
  if (resolved === null) return { name: 'all', since: settings.windowStart, until: settings.asOf };
  return { name: resolved.name, since: resolved.start, until: resolved.end };
}
