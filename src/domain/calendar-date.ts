import { invalidArgument } from './errors.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date as `YYYY-MM-DD`, with no time and no time zone. */
export type CalendarDate = string;

/** Checks that `text` is a real calendar date written `YYYY-MM-DD` and returns it. */
export function parseCalendarDate(text: string, what = 'date'): CalendarDate {
  const match = ISO_DATE.exec(text);
  if (match) {
    const [, y, m, d] = match.map(Number) as [number, number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d) return text;
  }
  throw invalidArgument(`${what} must be a date written YYYY-MM-DD, got "${text}"`, {
    field: what,
  });
}

/** Today's date in UTC, the default `as_of`. */
export function todayUtc(now: Date = new Date()): CalendarDate {
  return now.toISOString().slice(0, 10);
}

/** The date `days` days before `date` (negative counts go forward). */
export function daysBefore(date: CalendarDate, days: number): CalendarDate {
  const t = Date.parse(`${date}T00:00:00Z`) - days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
