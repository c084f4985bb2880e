import { internal } from './errors.js';
import { withheldBuckets } from './privacy.js';
import type { AnswerWindow } from './time-window.js';

/**
 * An artist's fans month by month over a window, as a repository counts them (`FanRepository.artistTrend`),
 * for the months with a fan active or new in them:
 * - `active_fans`: the window's fans with a qualifying stream of the artist on one of the month's days
 *   inside the window (a fan active in two months counts in both);
 * - `new_fans`: the window's fans whose first contact with the artist (`firstContactOf`) fell on one of
 *   those days. Each new fan is new in one month only: the months' new fans sum to the window's new fans.
 */
export interface TrendMonth {
  /** `YYYY-MM`. */
  month: string;
  active_fans: number;
  new_fans: number;
}

/**
 * The first contact of a fan with an artist: the earlier of its first qualifying stream of the artist and
 * its follow, over every day the data holds up to the window's end (not the window's days alone: a fan who
 * came before the window is not new in it). A follow without a date counts in every window, so its fan was
 * there before any window began: no first contact (null), never new. Mirrored by `first_contacts` in
 * `sql/duckdb/artist_trend.sql` and its twins.
 */
export function firstContactOf(
  firstStream: string | null,
  follow: { on: string | null } | null,
): string | null {
  if (follow !== null && follow.on === null) return null;
  // dates as YYYY-MM-DD sort as text
  return [firstStream, follow?.on ?? null].filter((d): d is string => d !== null).sort()[0] ?? null;
}

/** One month of an audience's trend: its days inside the window, its fans active and new (null: withheld). */
export interface TrendPoint {
  month: string;
  /** The first day of the month the window holds (the window's first day in its first month). */
  since: string;
  /** The last day of the month the window holds (the window's last day in its last month). */
  until: string;
  active_fans: number | null;
  new_fans: number | null;
}

/** The activity segments: new in the window, active before it and still, lapsed (a fan before, not in it). */
export const ACTIVITY_SEGMENTS = ['new', 'active', 'lapsed'] as const;
export type ActivitySegment = (typeof ACTIVITY_SEGMENTS)[number];

/** The activity and the trend of an audience, each figure past the privacy floor. */
export interface AudienceActivity {
  activity: { segment: ActivitySegment; fans: number | null }[];
  trend: TrendPoint[];
  /** The fans of `new` and `active` withheld, together (the two sum to the window's fans). */
  activityWithheldFans: number;
  /** The new fans of the months withheld, together. */
  trendNewWithheldFans: number;
}

/**
 * The activity segments and the month-by-month trend of an artist's fans over `window`:
 * - `new`: the window's fans whose first contact fell inside it (the sum of the months' new fans);
 * - `active`: the window's other fans, there before the window and still fans in it (`new` and `active`
 *   sum to `totalFans`);
 * - `lapsed`: the fans over every day up to the window's end (`fansThroughEnd`) who are not fans in the
 *   window: they came before and did not come back (none over `all`, which has no day before it).
 * `trend` lists every month the window touches, from its first day (or, over `all` from the first stream,
 * the first month counted) to its last, empty months included, each with the days of it the window holds.
 * The floor `minFans` holds as everywhere (`withheldBuckets`): `new` and `active` as the two buckets of the
 * window's fans; `lapsed` alone; a month's active fans alone (they do not partition anyone); the months'
 * new fans as the buckets of `new`, all withheld when `new` is.
 */
export function activityOf(
  months: readonly TrendMonth[],
  window: AnswerWindow,
  totalFans: number,
  fansThroughEnd: number,
  minFans = 0,
): AudienceActivity {
  const newFans = months.reduce((sum, m) => sum + m.new_fans, 0);
  const lapsed = fansThroughEnd - totalFans;
  if (newFans > totalFans || lapsed < 0) {
    throw internal(`the trend counted ${newFans} new fans and ${lapsed} lapsed for ${totalFans} fans`);
  }
  const split = [
    { key: 'new' as const, fans: newFans },
    { key: 'active' as const, fans: totalFans - newFans },
  ];
  const shownSplit = withheldBuckets(split, minFans);
  const lapsedShown = withheldBuckets([{ key: 'lapsed' as const, fans: lapsed }], minFans).shown.has(
    'lapsed',
  );
  const activity = [
    ...split.map(({ key, fans }) => ({ segment: key, fans: shownSplit.shown.has(key) ? fans : null })),
    { segment: 'lapsed' as const, fans: lapsedShown ? lapsed : null },
  ];

  const byMonth = new Map(months.map((m) => [m.month, m]));
  const first = window.since ?? (months[0] ? `${months[0].month}-01` : null);
  const days = first === null ? [] : monthsBetween(first, window.until);
  const newBuckets = days.map(({ month }) => ({ key: month, fans: byMonth.get(month)?.new_fans ?? 0 }));
  const newShown = shownSplit.shown.has('new')
    ? withheldBuckets(newBuckets, minFans)
    : { shown: new Set<string>(), withheldFans: newFans };
  const trend = days.map(({ month, since, until }) => {
    const active = byMonth.get(month)?.active_fans ?? 0;
    const fresh = byMonth.get(month)?.new_fans ?? 0;
    return {
      month,
      since,
      until,
      // alone: withheld under the floor, an empty month too (so that empty and small look alike)
      active_fans: minFans <= 1 || active >= minFans ? active : null,
      new_fans: newShown.shown.has(month) ? fresh : null,
    };
  });
  for (const month of byMonth.keys()) {
    if (!days.some((d) => d.month === month))
      throw internal(`the trend counted month ${month} outside the window`);
  }
  return {
    activity,
    trend,
    activityWithheldFans: shownSplit.withheldFans,
    trendNewWithheldFans: newShown.withheldFans,
  };
}

/** The calendar months from `since`'s to `until`'s, each with its days between the two (both included). */
export function monthsBetween(
  since: string,
  until: string,
): { month: string; since: string; until: string }[] {
  const out: { month: string; since: string; until: string }[] = [];
  let [year, month] = since.split('-').map(Number) as [number, number];
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > until.slice(0, 7)) return out;
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const start = `${key}-01`;
    const end = `${key}-${String(last).padStart(2, '0')}`;
    out.push({ month: key, since: start < since ? since : start, until: end > until ? until : end });
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
}
