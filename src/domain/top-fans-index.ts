import type { TopFan } from './answers.js';
import { internal, invalidArgument } from './errors.js';
import type { MajorityPolicy } from './majority.js';
import { isAdult } from './policy.js';
import type { FanRecord } from './repository-rows.js';

/** What a top-fans index is built from: a fan row with what the legal check needs. */
export type RankedFan = Pick<FanRecord, 'artist_id' | 'user_id' | 'country' | 'age' | 'is_adult' | 'score'>;

/** Every artist's top fans up to a depth, held in memory, for answers without a query. */
export interface TopFansIndex {
  /** The most fans `get` can return per artist. */
  readonly depth: number;
  /** Number of artists with at least one adult fan. */
  readonly artists: number;
  /** The artist's `n` top fans (n <= depth), ranked 1..n, as `FanDataset.topFans` answers; [] for no adult fan. */
  get(artistId: number, n: number): TopFan[];
}

/**
 * Indexes rows ordered by artist then rank (each artist's adult fans, best score first). The legal check is
 * made once more here, as for `topFans`. Held as columns (about 24 bytes a fan; a few million fans at most).
 */
export function createTopFansIndex(
  rows: Iterable<RankedFan>,
  depth: number,
  majority: MajorityPolicy,
): TopFansIndex {
  const userIds: number[] = [];
  const scores: number[] = [];
  const countries: (string | null)[] = [];
  const ranges = new Map<number, { start: number; end: number }>();
  for (const row of rows) {
    if (!row.is_adult || !isAdult(row.age, row.country, majority)) continue;
    const range = ranges.get(row.artist_id);
    if (range && range.end !== userIds.length) {
      throw internal(`top fans of artist ${row.artist_id} are not grouped together`);
    }
    if (range && range.end - range.start >= depth) continue;
    if (range) range.end++;
    else ranges.set(row.artist_id, { start: userIds.length, end: userIds.length + 1 });
    userIds.push(row.user_id);
    scores.push(row.score);
    countries.push(row.country);
  }
  const users = Float64Array.from(userIds);
  const scored = Float64Array.from(scores);
  return {
    depth,
    artists: ranges.size,
    get(artistId, n) {
      if (!Number.isSafeInteger(n) || n < 1 || n > depth) {
        throw invalidArgument(
          `nb_fans must be a whole number from 1 to ${depth} (the index's depth), got ${n}`,
          { field: 'nb_fans' },
        );
      }
      const range = ranges.get(artistId);
      if (!range) return [];
      const fans: TopFan[] = [];
      for (let i = range.start; i < Math.min(range.end, range.start + n); i++) {
        fans.push({
          rank: i - range.start + 1,
          artist_id: artistId,
          user_id: users[i] as number,
          country: countries[i] as string | null,
          score: scored[i] as number,
        });
      }
      return fans;
    },
  };
}
