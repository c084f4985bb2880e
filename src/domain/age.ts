import type { CalendarDate } from './calendar-date.js';

/**
 * Age in whole years on `asOf`. A birthday counts once its month and day are reached, so someone born on
 * 29 February turns a year older on 1 March in common years (never earlier than the law allows).
 */
export function ageAt(birthDate: CalendarDate, asOf: CalendarDate): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ay, am, ad] = asOf.split('-').map(Number) as [number, number, number];
  const beforeBirthday = am * 100 + ad < bm * 100 + bd;
  return ay - by - (beforeBirthday ? 1 : 0);
}

/** A birth date this many years before `asOf`, or more, is taken for a mistake: kept as unknown. */
export const MAX_AGE_YEARS = 130;

/**
 * Whether a birth date is plausible on `asOf`: not after it, and less than 130 years before it (the same day
 * 130 years earlier is already too old; 29 February maps to 28 February in a common year). An implausible
 * birth date is unknown: the fan counts, has no age, and is never shown by TopFans.
 */
export function isPlausibleBirthDate(birthDate: CalendarDate, asOf: CalendarDate): boolean {
  return birthDate <= asOf && birthDate > yearsBefore(asOf, MAX_AGE_YEARS);
}

/** The same month and day `years` earlier; 29 February becomes 28 February in a common year. */
function yearsBefore(date: CalendarDate, years: number): CalendarDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y - years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
