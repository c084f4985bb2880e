/**
 * Writes fixtures/demo: the bundled demo dataset, deterministic (seeded), a few MB of parquet.
 * 6,000 users, 300 artists (ids 100-399) with Zipf-like popularity and artist 123 the most popular,
 * about 250,000 streams over the first half of 2026, follows, ~85% consent, ~10% minors, a few unknown
 * birth dates and countries, and a handful of problem rows so that the data report has something to say.
 * Run: `npm run demo-data`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { quote as q, TYPED_COLUMNS, withDuckDb } from './typed-exports.js';

const OUT = new URL('../fixtures/demo/', import.meta.url).pathname;
const USERS = 6_000;
const ARTISTS = Array.from({ length: 300 }, (_, i) => 100 + i);
const START = Date.UTC(2026, 0, 1);
const DAYS = 181; // 2026-01-01 .. 2026-06-30

/** mulberry32: a small, fast, well-known seeded generator. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(20260615);
const pick = <T>(items: readonly [T, number][]): T => {
  let r = random() * items.reduce((s, [, w]) => s + w, 0);
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return (items[items.length - 1] as [T, number])[0];
};

// Artist popularity: Zipf with exponent 1.1; rank 1 is artist 123.
const byRank = [123, ...ARTISTS.filter((a) => a !== 123)];
const popularity = byRank.map((artist, rank) => [artist, 1 / (rank + 1) ** 1.1] as [number, number]);

const COUNTRIES: [string | null, number][] = [
  ['FR', 26],
  ['TN', 12],
  ['US', 10],
  ['DE', 7],
  ['GB', 7],
  ['BR', 6],
  ['ES', 5],
  ['IT', 4],
  ['NE', 3],
  ['JP', 4],
  ['CA', 4],
  ['KR', 3],
  ['SN', 3],
  ['MA', 3],
  [null, 3],
];

const users: string[] = ['user_id,birth_date,country,consent'];
const streams: string[] = ['user_id,artist_id,streamed_at,ms_played'];
const follows: string[] = ['user_id,artist_id,followed_at'];
const iso = (t: number) => new Date(t).toISOString();

for (let id = 1; id <= USERS; id++) {
  const country = pick(COUNTRIES);
  // ages 13-75 on 2026-06-30, skewed young: about 10% under 18
  const age = Math.floor(13 + 62 * random() ** 1.9);
  const born = Date.UTC(2026 - age, 5, 30) - Math.floor(random() * 365) * 86_400_000;
  const birth = random() < 0.03 ? '' : iso(born).slice(0, 10);
  const consent = pick<string>([
    ['true', 85],
    ['false', 10],
    ['', 5],
  ]);
  users.push(`${id},${birth},${country ?? ''},${consent}`);

  // activity: heavy-tailed number of streams, a few favourite artists
  const total = Math.min(2_000, Math.floor(8 / (random() ** 0.9 + 0.02)));
  const favourites = Array.from({ length: 1 + Math.floor(random() * 6) }, () => pick(popularity));
  const weights = favourites.map((a, i) => [a, 1 / (i + 1)] as [number, number]);
  const firstDay = Math.floor(random() * DAYS * 0.7);
  for (let s = 0; s < total; s++) {
    const artist = random() < 0.85 ? pick(weights) : pick(popularity);
    const day = firstDay + Math.floor(random() ** 0.7 * (DAYS - firstDay));
    const at = START + day * 86_400_000 + Math.floor(random() * 86_400) * 1000;
    const played =
      random() < 0.25 ? 3_000 + Math.floor(random() * 26_000) : 60_000 + Math.floor(random() * 240_000);
    streams.push(`${id},${artist},${iso(at)},${played}`);
  }
  for (const artist of new Set(favourites.slice(0, 2))) {
    if (random() < 0.3)
      follows.push(`${id},${artist},${iso(START + Math.floor(random() * DAYS) * 86_400_000)}`);
  }
}

// A few rows with problems, as real exports have: the data report counts them.
users.push(`${USERS + 1},1990-01-01,XX,true`, `${USERS + 2},2031-01-01,FR,true`);
streams.push(`${USERS + 99},123,2026-05-01T10:00:00.000Z,200000`, streams[1] as string, streams[2] as string);

const work = mkdtempSync(join(tmpdir(), 'fanbase-demo-'));
for (const [name, rows] of Object.entries({ users, streams, follows }))
  writeFileSync(join(work, `${name}.csv`), `${rows.join('\n')}\n`);

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
await withDuckDb(async (conn) => {
  for (const [name, select] of Object.entries(TYPED_COLUMNS)) {
    await conn.run(
      `copy (select ${select} from read_csv(${q(join(work, `${name}.csv`))}, header = true, all_varchar = true))
       to ${q(join(OUT, `${name}.parquet`))} (format parquet, compression zstd)`,
    );
  }
});
rmSync(work, { recursive: true, force: true });
console.log(
  `fixtures/demo: ${users.length - 1} users, ${streams.length - 1} streams, ${follows.length - 1} follows`,
);
