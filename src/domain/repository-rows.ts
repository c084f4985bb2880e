import { internal } from './errors.js';
import type { ValueCount } from './median.js';
import type { FanSignals } from './score.js';
import type { TierCounts } from './segments.js';
import type { CountryCount } from './top-countries.js';
import type { RankedFan } from './top-fans-index.js';
import type { TrendMonth } from './trend.js';

/** One fan of one artist as the repository stores it: who, what they did, their score. */
export interface FanRecord extends FanSignals {
  artist_id: number;
  user_id: number;
  country: string | null;
  age: number | null;
  is_adult: boolean;
  score: number;
}

/** What the repository knows of an artist's fans, in aggregate: enough for a summary, nothing personal. */
export interface ArtistProfile {
  artist_id: number;
  total_fans: number;
  /** Fans by age in whole years, fans of unknown age left out. */
  age_counts: ValueCount[];
  /** Fans by country, fans of unknown country left out. */
  country_counts: CountryCount[];
}

/** An artist's fans by engagement tier, from a repository's row of `super_fans`, `light_fans` and `fans`. */
export function checkedTierCounts(row: Record<string, unknown> | undefined, engine: string): TierCounts {
  if (row === undefined) return { super: 0, moderate: 0, light: 0 };
  const fans = int(row, 'fans', engine);
  const superFans = int(row, 'super_fans', engine);
  const light = int(row, 'light_fans', engine);
  if (superFans + light > fans) throw internal(`${engine} counted more fans in tiers than fans`);
  return { super: superFans, moderate: fans - superFans - light, light };
}

/** One month of an artist's trend, from a repository's row of `month` (YYYY-MM), `active_fans` and `new_fans`. */
export function checkedTrendMonth(row: Record<string, unknown>, engine: string): TrendMonth {
  const month = text(row, 'month', engine);
  if (!/^\d{4}-\d{2}$/.test(month))
    throw internal(`${engine} answered month = ${JSON.stringify(month)}, not YYYY-MM`);
  return { month, active_fans: int(row, 'active_fans', engine), new_fans: int(row, 'new_fans', engine) };
}

/** A page of the artists' profiles (`FanRepository.artistProfiles`): the first `limit` whose artist_id is greater than `after`. */
export interface ProfilePage {
  after: number;
  limit: number;
}

/** The page of every artist: what `artistProfiles` answers without one. */
export const EVERY_ARTIST: ProfilePage = { after: -1, limit: Number.MAX_SAFE_INTEGER };

/**
 * The rows a repository hands the domain, checked field by field (`engine` names who answered, for the
 * message): every engine's rows pass here once, at the adapter boundary, instead of being cast.
 */
export function checkedFanRecord(row: Record<string, unknown>, engine: string): FanRecord {
  return {
    ...checkedRankedFan(row, engine),
    listening_ms: row.listening_ms === null ? null : num(row, 'listening_ms', engine),
    streams: int(row, 'streams', engine),
    active_days: int(row, 'active_days', engine),
    days_since_last_stream:
      row.days_since_last_stream === null ? null : int(row, 'days_since_last_stream', engine),
    share: num(row, 'share', engine),
    follows: bool(row, 'follows', engine),
  };
}

/** The fields of a top fan that every artist at once needs, checked. */
export function checkedRankedFan(row: Record<string, unknown>, engine: string): RankedFan {
  return {
    artist_id: int(row, 'artist_id', engine),
    user_id: int(row, 'user_id', engine),
    country: row.country === null ? null : text(row, 'country', engine),
    age: row.age === null ? null : int(row, 'age', engine),
    is_adult: bool(row, 'is_adult', engine),
    score: num(row, 'score', engine),
  };
}

/** A profile, its counts as `{ value, count }` and `{ country, count }` (null lists: none), checked. */
export function checkedProfile(row: Record<string, unknown>, engine: string): ArtistProfile {
  const list = (name: string) => (row[name] === null || row[name] === undefined ? [] : row[name]);
  const ages = list('age_counts');
  const countries = list('country_counts');
  if (!Array.isArray(ages) || !Array.isArray(countries)) {
    throw internal(`${engine} answered a profile whose counts are not lists`);
  }
  return {
    artist_id: int(row, 'artist_id', engine),
    total_fans: int(row, 'total_fans', engine),
    age_counts: ages.map((c: Record<string, unknown>) => ({
      value: int(c, 'value', engine),
      count: int(c, 'count', engine),
    })),
    country_counts: countries.map((c: Record<string, unknown>) => ({
      country: text(c, 'country', engine),
      count: int(c, 'count', engine),
    })),
  };
}

function num(row: Record<string, unknown>, name: string, engine: string): number {
  const value = row[name];
  if (typeof value !== 'number')
    throw internal(`${engine} answered ${name} = ${JSON.stringify(value)}, not a number`);
  return value;
}

function int(row: Record<string, unknown>, name: string, engine: string): number {
  const value = num(row, name, engine);
  if (!Number.isSafeInteger(value)) {
    throw internal(`${engine} answered ${name} = ${value}, not a whole number within 2^53`);
  }
  return value;
}

function text(row: Record<string, unknown>, name: string, engine: string): string {
  const value = row[name];
  if (typeof value !== 'string')
    throw internal(`${engine} answered ${name} = ${JSON.stringify(value)}, not text`);
  return value;
}

function bool(row: Record<string, unknown>, name: string, engine: string): boolean {
  const value = row[name];
  // ClickHouse's JSON writes a UInt8 condition as 0 or 1
  if (value === 0 || value === 1) return value === 1;
  if (typeof value !== 'boolean') {
    throw internal(`${engine} answered ${name} = ${JSON.stringify(value)}, not true or false`);
  }
  return value;
}
