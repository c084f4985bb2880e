/**
 * The reference model: who is a fan of whom, with what signals, score, age and adulthood, computed in
 * TypeScript from rows, composing the domain's definitions only (src/domain). Production never runs it: the
 * engines run SQL. The twin tests load the same rows into every engine and hold its answers to this model,
 * so that a rule written in SQL (sql/, sql/clickhouse/) and its definition in the domain cannot disagree.
 */
import { ageAt, isPlausibleBirthDate } from '../../src/domain/age.js';
import type { CalendarDate } from '../../src/domain/calendar-date.js';
import { isCountryCode } from '../../src/domain/countries.js';
import { dayVolume, fanSignals, isFan, type PlayDay } from '../../src/domain/fan-signals.js';
import { isAdult, isEligibleAcross } from '../../src/domain/policy.js';
import { isInWindow, isQualifyingPlay } from '../../src/domain/qualifying-play.js';
import type { FanRecord } from '../../src/domain/repository-rows.js';
import { score } from '../../src/domain/score.js';
import type { Settings } from '../../src/domain/settings.js';
import type { TimeWindow } from '../../src/domain/time-window.js';
import { firstContactOf, type TrendMonth } from '../../src/domain/trend.js';

/** A users export row as written to the files (country as text, before trimming). */
export interface UserRow {
  user_id: number;
  birth_date: CalendarDate | null;
  country: string | null;
  consent: boolean | null;
}
/** A streams export row; `streamed_at` an ISO instant in UTC. */
export interface StreamRow {
  user_id: number;
  artist_id: number;
  streamed_at: string;
  ms_played: number | null;
}
/** A follows export row. */
export interface FollowRow {
  user_id: number;
  artist_id: number;
  followed_at: string | null;
}
export interface Rows {
  users: UserRow[];
  streams: StreamRow[];
  follows: FollowRow[];
}

interface User {
  user_id: number;
  eligible: boolean;
  age: number | null;
  country: string | null;
  adult: boolean;
}

/**
 * Every fan of every artist, as `FanRecord`s keyed `artist:user`; over `window` (src/domain/time-window.ts),
 * the streams of its days and the follows made by its end, recency from its end, ages still at as_of.
 */
export function referenceFans(
  rows: Rows,
  settings: Settings,
  window: TimeWindow | null = null,
): Map<string, FanRecord> {
  const asOf = window ? window.end : settings.asOf;
  const windowStart = window ? window.start : settings.windowStart;
  const users = referenceUsers(rows.users, settings);
  const hasMsPlayed = true;
  const { days, uncapped } = qualifyingDays(rows, settings, users, asOf, windowStart);
  const volume = new Map<number, number>();
  for (const [key, byDay] of days) {
    const user = Number(key.split(':')[1]);
    for (const day of byDay.values()) volume.set(user, (volume.get(user) ?? 0) + dayVolume(day, hasMsPlayed));
  }
  const follows = new Set<string>();
  for (const f of rows.follows) {
    const made = f.followed_at === null || f.followed_at.slice(0, 10) <= asOf;
    if (made && users.get(f.user_id)?.eligible) follows.add(`${f.artist_id}:${f.user_id}`);
  }

  const fans = new Map<string, FanRecord>();
  for (const key of new Set([...days.keys(), ...follows])) {
    const [artist_id, user_id] = key.split(':').map(Number) as [number, number];
    const following = follows.has(key);
    if (!isFan(uncapped.get(key) ?? 0, following, settings.fan)) continue;
    const signals = fanSignals([...(days.get(key)?.values() ?? [])], volume.get(user_id) ?? 0, following, {
      asOf,
      hasMsPlayed,
      score: settings.score,
    });
    const user = users.get(user_id) as User;
    fans.set(key, {
      artist_id,
      user_id,
      country: user.country,
      age: user.age,
      is_adult: user.adult,
      score: score(signals, settings.score),
      ...signals,
    });
  }
  return fans;
}

/**
 * Each artist's trend over `window` (`TrendMonth`, src/domain/trend.ts), the months with a fan active or
 * new in order: the window's fans (`referenceFans`) with a qualifying day in the month's days of the window,
 * and those whose first contact (`firstContactOf`: the first qualifying day from the load's first day to the
 * window's end, or the first day of the follow) fell on one of them.
 */
export function referenceTrend(
  rows: Rows,
  settings: Settings,
  window: TimeWindow | null = null,
): Map<number, TrendMonth[]> {
  const end = window ? window.end : settings.asOf;
  const start = window ? window.start : settings.windowStart;
  const users = referenceUsers(rows.users, settings);
  const { days } = qualifyingDays(rows, settings, users, end, settings.windowStart);
  // the first day of each follow made by the window's end; null when a row of it has no date
  const followed = new Map<string, { on: string | null }>();
  for (const f of rows.follows) {
    const on = f.followed_at === null ? null : f.followed_at.slice(0, 10);
    if (on !== null && on > end) continue;
    const key = `${f.artist_id}:${f.user_id}`;
    const seen = followed.get(key);
    followed.set(key, {
      on: seen === undefined ? on : seen.on === null || on === null ? null : min(seen.on, on),
    });
  }
  const months = new Map<number, Map<string, { active: number; fresh: number }>>();
  const at = (artist: number, month: string) => {
    const byMonth = months.get(artist) ?? new Map<string, { active: number; fresh: number }>();
    months.set(artist, byMonth);
    const counts = byMonth.get(month) ?? { active: 0, fresh: 0 };
    byMonth.set(month, counts);
    return counts;
  };
  for (const fan of referenceFans(rows, settings, window).values()) {
    const key = `${fan.artist_id}:${fan.user_id}`;
    const history = [...(days.get(key)?.keys() ?? [])].sort();
    const inWindow = history.filter((day) => start === null || day >= start);
    for (const month of new Set(inWindow.map((day) => day.slice(0, 7)))) at(fan.artist_id, month).active++;
    const first = firstContactOf(history[0] ?? null, followed.get(key) ?? null);
    if (first !== null && (start === null || first >= start)) at(fan.artist_id, first.slice(0, 7)).fresh++;
  }
  return new Map(
    [...months].map(([artist, byMonth]) => [
      artist,
      [...byMonth]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([month, { active, fresh }]) => ({ month, active_fans: active, new_fans: fresh })),
    ]),
  );
}

/**
 * The qualifying plays of eligible users from `windowStart` to `asOf`, by (artist, user) and UTC day, and
 * each pair's uncapped count: one stream per (user, artist, instant), the longest play of rows exported twice.
 */
function qualifyingDays(
  rows: Rows,
  settings: Settings,
  users: Map<number, User>,
  asOf: CalendarDate,
  windowStart: CalendarDate | null,
): { days: Map<string, Map<CalendarDate, PlayDay>>; uncapped: Map<string, number> } {
  const hasMsPlayed = true;
  const streams = new Map<string, StreamRow>();
  for (const s of rows.streams) {
    const key = `${s.user_id}:${s.artist_id}:${Date.parse(s.streamed_at)}`;
    const seen = streams.get(key);
    const ms = maxOf(seen?.ms_played ?? null, s.ms_played);
    streams.set(key, { ...s, ms_played: seen ? ms : s.ms_played });
  }
  const days = new Map<string, Map<CalendarDate, PlayDay>>();
  const uncapped = new Map<string, number>();
  for (const s of streams.values()) {
    const day = s.streamed_at.slice(0, 10);
    if (!users.get(s.user_id)?.eligible) continue;
    if (!isInWindow(day, asOf, windowStart)) continue;
    if (!isQualifyingPlay(s.ms_played, settings.fan.minMsPlayed, hasMsPlayed)) continue;
    const key = `${s.artist_id}:${s.user_id}`;
    const byDay = days.get(key) ?? new Map<CalendarDate, PlayDay>();
    const current = byDay.get(day) ?? { day, streams: 0, msPlayed: 0 };
    byDay.set(day, { day, streams: current.streams + 1, msPlayed: current.msPlayed + (s.ms_played ?? 0) });
    days.set(key, byDay);
    uncapped.set(key, (uncapped.get(key) ?? 0) + 1);
  }
  return { days, uncapped };
}

const min = (a: string, b: string) => (a < b ? a : b);

/** The users export merged per user and checked: eligibility, age, country and adulthood at as_of. */
export function referenceUsers(rows: UserRow[], settings: Settings): Map<number, User> {
  const byUser = new Map<number, UserRow[]>();
  for (const row of rows) byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row]);
  const users = new Map<number, User>();
  for (const [user_id, all] of byUser) {
    // a field the rows disagree on, or that one row lacks, is unknown
    const agreed = <T>(values: (T | null)[]): T | null =>
      values.every((v) => v !== null && v === values[0]) ? (values[0] as T) : null;
    const birth = agreed(all.map((r) => r.birth_date));
    const written = agreed(all.map((r) => r.country?.trim().toUpperCase() || null));
    const country = written !== null && isCountryCode(written) ? written : null;
    const known = birth !== null && isPlausibleBirthDate(birth, settings.asOf) ? birth : null;
    const age = known === null ? null : ageAt(known, settings.asOf);
    users.set(user_id, {
      user_id,
      eligible: isEligibleAcross(all.map((r) => r.consent)),
      age,
      country,
      adult: isAdult(age, country, settings.majority),
    });
  }
  return users;
}

function maxOf(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}
