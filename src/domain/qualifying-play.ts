import type { CalendarDate } from './calendar-date.js';

/**
 * A play qualifies (counts as a stream) when it lasted at least `minMsPlayed` (30 s by default, the count of
 * the industry's charts and royalties). A play of unknown or negative length never does; where the data has
 * no `ms_played` at all, every play does.
 */
export function isQualifyingPlay(
  msPlayed: number | null,
  minMsPlayed: number,
  hasMsPlayed: boolean,
): boolean {
  if (!hasMsPlayed) return true;
  return msPlayed !== null && msPlayed >= minMsPlayed;
}

/**
 * A play counts by its UTC day: from the window's first day (when there is a window) to `asOf`, both
 * included. A play after `asOf` never counts, so that answers for a past date stay the same.
 */
export function isInWindow(day: CalendarDate, asOf: CalendarDate, windowStart: CalendarDate | null): boolean {
  return day <= asOf && (windowStart === null || day >= windowStart);
}
