/**
 * Random export rows for the twin tests, seeded (the same seed, the same rows), drawn to land on the
 * boundaries of every rule: 29 February birthdays, exactly 130 years, exactly 30 s, days over the caps,
 * the first instant after as_of, duplicates that agree or not, unknown users and countries.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CalendarDate } from '../../src/domain/calendar-date.js';
import { daysBefore } from '../../src/domain/calendar-date.js';
import type { FollowRow, Rows, StreamRow, UserRow } from './reference-fans.js';

/** mulberry32: a small seeded generator of floats in [0, 1). */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Rows around `asOf`: `users` users, some exported twice; streams and follows of them and of strangers. */
export function randomRows(seed: number, asOf: CalendarDate, users = 80): Rows {
  const random = generator(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const [year] = asOf.split('-').map(Number) as [number];
  const boundaryYear = year - 130;
  const birthDates: (CalendarDate | null)[] = [
    null,
    asOf,
    daysBefore(asOf, -1), // tomorrow: in the future
    '2008-02-29',
    '2004-02-29',
    `${year - 18}-02-28`,
    `${year - 18}-03-01`,
    // 130 years before as_of, and the day after: ClickHouse's Date32 starts in 1900, so only from there
    ...(boundaryYear >= 1900
      ? [`${boundaryYear}${asOf.slice(4)}`, daysBefore(`${boundaryYear}${asOf.slice(4)}`, -1)]
      : []),
  ];
  const birthDate = () =>
    random() < 0.4 ? pick(birthDates) : `${int(1901, year - 1)}-${pad(int(1, 12))}-${pad(int(1, 28))}`;
  const countries = ['FR', 'US', 'KR', 'CA', 'TN', 'JP', 'XX', ' fr ', 'us', null, ''];
  const rows: UserRow[] = [];
  for (let id = 1; id <= users; id++) {
    const row = {
      user_id: id,
      birth_date: birthDate(),
      country: pick(countries),
      consent: pick([true, true, true, false, null]),
    };
    rows.push(row);
    // exported twice: the same row, or one field that another row leaves out or says otherwise
    if (random() < 0.1) {
      const other = { ...row };
      const field = pick(['birth_date', 'country', 'consent'] as const);
      if (field === 'birth_date') other.birth_date = pick([null, '1990-01-01', row.birth_date]);
      if (field === 'country') other.country = pick([null, 'FR', row.country]);
      if (field === 'consent') other.consent = pick([null, true, false]);
      rows.push(other);
    }
  }
  const streams: StreamRow[] = [];
  const start = Date.parse(`${asOf}T00:00:00Z`) - 60 * 86_400_000;
  const end = Date.parse(`${asOf}T00:00:00Z`) + 86_400_000; // the first instant after as_of
  const msPlayed = () =>
    random() < 0.5 ? pick([null, -5, 0, 29_999, 30_000, 30_001, 600_000, 7_200_000]) : int(1, 3_600_000);
  for (let i = 0; i < 900; i++) {
    const instant = pick([
      start + Math.floor(random() * (end - start + 5 * 86_400_000)),
      end,
      end - 1,
      end - 86_400_000,
    ]);
    const row = {
      user_id: int(1, users + 5), // a few strangers: streams of users not in users
      artist_id: int(1, 6),
      streamed_at: new Date(instant).toISOString(),
      ms_played: msPlayed(),
    };
    streams.push(row);
    if (random() < 0.05) streams.push({ ...row, ms_played: msPlayed() }); // the same instant again
  }
  // binges: many plays in one day, over the caps (2 h, 20 streams)
  for (let b = 0; b < 6; b++) {
    const user = int(1, users);
    const artist = int(1, 6);
    const day = start + int(0, 59) * 86_400_000;
    for (let k = 0; k < int(15, 40); k++) {
      streams.push({
        user_id: user,
        artist_id: artist,
        streamed_at: new Date(day + k * 600_000).toISOString(),
        ms_played: pick([300_000, 600_000, 30_000]),
      });
    }
  }
  const follows: FollowRow[] = [];
  for (let i = 0; i < 60; i++) {
    const at = pick([
      null,
      new Date(start + Math.floor(random() * (end - start))).toISOString(),
      new Date(end).toISOString(),
      new Date(end - 1).toISOString(),
    ]);
    follows.push({ user_id: int(1, users + 3), artist_id: int(1, 6), followed_at: at });
  }
  return { users: rows, streams, follows };
}

/** Writes the rows as a CSV export folder (an empty field for a null). */
export function writeCsvExports(rows: Rows, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const csv = (header: string[], items: object[]) =>
    `${header.join(',')}\n${items.map((item) => header.map((h) => cell((item as Record<string, unknown>)[h])).join(',')).join('\n')}\n`;
  writeFileSync(join(dir, 'users.csv'), csv(['user_id', 'birth_date', 'country', 'consent'], rows.users));
  writeFileSync(
    join(dir, 'streams.csv'),
    csv(['user_id', 'artist_id', 'streamed_at', 'ms_played'], rows.streams),
  );
  writeFileSync(join(dir, 'follows.csv'), csv(['user_id', 'artist_id', 'followed_at'], rows.follows));
  return dir;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\s]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
