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
