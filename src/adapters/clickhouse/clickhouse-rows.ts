import { internal } from '../../domain/errors.js';
import type { ArtistProfile, FanRecord } from '../../domain/records.js';
import type { RankedFan } from '../../domain/top-fans-index.js';

/** A profile row (counts as `[value, count]` pairs) as the domain's ArtistProfile. */
export function toArtistProfile(row: Record<string, unknown>): ArtistProfile {
  return {
    artist_id: int(row, 'artist_id'),
    total_fans: int(row, 'total_fans'),
    age_counts: pairs(row.age_counts).map(([value, count]) => ({
      value: Number(value),
      count: Number(count),
    })),
    country_counts: pairs(row.country_counts).map(([country, count]) => ({
      country: String(country),
      count: Number(count),
    })),
  };
}

/** A fan row as the domain's FanRecord, checked: ClickHouse's JSON gives numbers, strings, booleans, nulls. */
export function fanRecord(row: Record<string, unknown>): FanRecord {
  return {
    ...rankedFan(row),
    listening_ms: row.listening_ms === null ? null : num(row, 'listening_ms'),
    streams: int(row, 'streams'),
    active_days: int(row, 'active_days'),
    days_since_last_stream: row.days_since_last_stream === null ? null : int(row, 'days_since_last_stream'),
    share: num(row, 'share'),
    follows: Boolean(row.follows),
  };
}

/** The fields of a top fan every artist at once needs. */
export function rankedFan(row: Record<string, unknown>): RankedFan {
  return {
    artist_id: int(row, 'artist_id'),
    user_id: int(row, 'user_id'),
    country: row.country === null ? null : String(row.country),
    age: row.age === null ? null : int(row, 'age'),
    is_adult: Boolean(row.is_adult),
    score: num(row, 'score'),
  };
}

function pairs(value: unknown): [unknown, unknown][] {
  return Array.isArray(value) ? (value as [unknown, unknown][]) : [];
}

function num(row: Record<string, unknown>, name: string): number {
  const value = row[name];
  if (typeof value !== 'number') {
    throw internal(`ClickHouse answered ${name} = ${JSON.stringify(value)}, not a number`);
  }
  return value;
}

function int(row: Record<string, unknown>, name: string): number {
  const value = num(row, name);
  if (!Number.isSafeInteger(value)) {
    throw internal(`ClickHouse answered ${name} = ${value}, not a whole number within 2^53`);
  }
  return value;
}
