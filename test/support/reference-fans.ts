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

  // one stream per (user, artist, instant): the longest play of the rows exported twice
  const streams = new Map<string, StreamRow>();
  for (const s of rows.streams) {
    const key = `${s.user_id}:${s.artist_id}:${Date.parse(s.streamed_at)}`;
    const seen = streams.get(key);
    const ms = maxOf(seen?.ms_played ?? null, s.ms_played);
    streams.set(key, { ...s, ms_played: seen ? ms : s.ms_played });
  }
  // qualifying plays of eligible users, in the window, by (artist, user, UTC day)
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
