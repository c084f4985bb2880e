/**
 * The peers' section of the benchmark: loads the same exports into PostgreSQL and MariaDB (those installed),
 * checks that every variant answers as fanbase does, then times each question for the median artist and the
 * largest, beside fanbase answering the same questions in process from its snapshot.
 */
import { join } from 'node:path';
import type { ArtistSummary, TopFan } from '../../src/domain/answers.js';
import { exportCsv } from './export-csv.js';
import { mariadbInstalled, startMariadb } from './mariadb.js';
import type { Peer, PeerTopFan, PeerVariant } from './peer.js';
import { postgresInstalled, startPostgres } from './postgres.js';

export type Latency = { p50_ms: number; p99_ms: number; runs: number };

export interface PeerResults {
  millions: number;
  export_seconds: number;
  peers: { name: string; version: string; load: Record<string, number> }[];
  artists: {
    median: { artist_id: number; total_fans: number };
    largest: { artist_id: number; total_fans: number };
  };
  checked_artists: number;
  questions: {
    question: 'summary' | 'top fans (100)';
    artist: 'median' | 'largest';
    fanbase: Latency;
    /** the library's call that runs a DuckDB query */
    fanbase_query: Latency;
    peers: Record<string, Latency>;
  }[];
  skipped: string[];
}

/**
 * What fanbase answers, from its snapshot: `summary` and `topFans` from the library's in-memory indexes
 * (`summaryIndex()`, what the API answers from, and `topFansIndex()`), `query` by the library's calls that
 * run a DuckDB query each (`summary()`, and `topFans()` as the `topfans` command runs it).
 */
export interface Ours {
  summary(artistId: number): Promise<ArtistSummary>;
  topFans(artistId: number, limit: number): Promise<TopFan[]>;
  query: {
    summary(artistId: number): Promise<ArtistSummary>;
    topFans(artistId: number, limit: number): Promise<TopFan[]>;
  };
}

type Asked = Pick<PeerVariant, 'summary' | 'topFans'>;

export const peersInstalled = (): string[] =>
  [postgresInstalled() ? 'PostgreSQL' : null, mariadbInstalled() ? 'MariaDB' : null].filter(
    (p): p is string => p !== null,
  );

export async function measurePeers(options: {
  millions: number;
  data: string;
  work: string;
  asOf: string;
  ours: Ours;
  /** artist ids with their fan counts (every artist with a fan) */
  fanCounts: { artist_id: number; total_fans: number }[];
  /** more artists whose answers are compared */
  alsoCheck: number[];
  /** most timed runs per peer question, and the time each may take in all */
  runs: number;
  budgetMs: number;
  log: (...parts: unknown[]) => void;
}): Promise<PeerResults> {
  const { data, work, asOf, ours, log } = options;
  const sorted = [...options.fanCounts].sort(
    (a, b) => a.total_fans - b.total_fans || a.artist_id - b.artist_id,
  );
  const median = sorted[Math.floor((sorted.length - 1) / 2)] as { artist_id: number; total_fans: number };
  const largest = sorted.at(-1) as { artist_id: number; total_fans: number };
  const checks = [largest.artist_id, median.artist_id, ...options.alsoCheck];

  const started = performance.now();
  const csv = await exportCsv(data, join(work, 'csv'));
  const exportSeconds = Math.round(performance.now() - started) / 1000;

  const peers: Peer[] = [];
  const skipped: string[] = [];
  const starters: [string, boolean, () => Promise<Peer>][] = [
    ['PostgreSQL', postgresInstalled(), () => startPostgres(work, csv, asOf)],
    ['MariaDB', mariadbInstalled(), () => startMariadb(work, csv, asOf)],
  ];
  const questions: PeerResults['questions'] = [];
  try {
    for (const [name, installed, start] of starters) {
      if (!installed) {
        skipped.push(`${name}: not installed`);
        continue;
      }
      log(`peers: loading ${name}`);
      const peer = await start();
      peers.push(peer);
      log(`peers: ${name} ${peer.version} loaded`, JSON.stringify(peer.load));
      for (const variant of peer.variants) await checkAnswers(variant, ours, checks);
      log(
        `peers: ${peer.variants.map((v) => v.name).join(', ')} answer as fanbase does for ${checks.length} artists`,
      );
    }
    const variants = peers.flatMap((p) => p.variants);
    for (const [question, ask] of [
      ['summary', (v: Asked, a: number) => v.summary(a)],
      ['top fans (100)', (v: Asked, a: number) => v.topFans(a, 100)],
    ] as const) {
      for (const [which, artist] of [
        ['median', median.artist_id],
        ['largest', largest.artist_id],
      ] as const) {
        const fanbase = await time(() => ask(ours, artist), 500, 10_000);
        const fanbaseQuery = await time(() => ask(ours.query, artist), 500, 10_000);
        const timed: Record<string, Latency> = {};
        for (const variant of variants) {
          timed[variant.name] = await time(() => ask(variant, artist), options.runs, options.budgetMs);
          log(`peers: ${question}, ${which} artist, ${variant.name}: ${JSON.stringify(timed[variant.name])}`);
        }
        questions.push({ question, artist: which, fanbase, fanbase_query: fanbaseQuery, peers: timed });
      }
    }
  } finally {
    for (const peer of peers) await peer.stop();
  }
  return {
    millions: options.millions,
    export_seconds: exportSeconds,
    peers: peers.map(({ name, version, load }) => ({ name, version, load })),
    artists: { median, largest },
    checked_artists: checks.length,
    questions,
    skipped,
  };
}

/** A peer that answers differently is not measuring the same work: stop the benchmark and say where. */
async function checkAnswers(variant: PeerVariant, ours: Ours, artists: number[]): Promise<void> {
  for (const artist of artists) {
    const [theirs, mine] = [await variant.summary(artist), await ours.summary(artist)];
    if (JSON.stringify(mine) !== JSON.stringify(await ours.query.summary(artist))) {
      throw new Error(`fanbase: the summary index and summary() differ for artist ${artist}`);
    }
    if (JSON.stringify(theirs) !== JSON.stringify(mine)) {
      throw new Error(
        `${variant.name}: summary of artist ${artist} differs: ${JSON.stringify({ theirs, mine })}`,
      );
    }
    const [theirFans, myFans] = [await variant.topFans(artist, 100), await ours.topFans(artist, 100)];
    if (JSON.stringify(myFans) !== JSON.stringify(await ours.query.topFans(artist, 100))) {
      throw new Error(`fanbase: the top fans index and topFans() differ for artist ${artist}`);
    }
    const problem = compareTopFans(theirFans, myFans);
    if (problem) throw new Error(`${variant.name}: top fans of artist ${artist}: ${problem}`);
  }
}

/** Same fans in the same places with the same scores (to 1e-9); within a tie, any order. */
export function compareTopFans(theirs: PeerTopFan[], mine: TopFan[]): string | null {
  if (theirs.length !== mine.length) return `${theirs.length} rows, fanbase has ${mine.length}`;
  for (const [i, row] of mine.entries()) {
    const other = theirs[i] as PeerTopFan;
    if (Math.abs(other.score - row.score) > 1e-9) {
      return `rank ${i + 1}: score ${other.score}, fanbase ${row.score} (user ${row.user_id})`;
    }
    const same = theirs.find((t) => t.user_id === row.user_id);
    if (same === undefined) {
      const tiedAtTheEnd = Math.abs((mine.at(-1) as TopFan).score - row.score) <= 1e-9;
      if (!tiedAtTheEnd) return `user ${row.user_id} (rank ${i + 1}) is missing`;
    } else if (Math.abs(same.score - row.score) > 1e-9 || same.country !== row.country) {
      return `user ${row.user_id}: ${JSON.stringify(same)}, fanbase ${JSON.stringify(row)}`;
    }
  }
  return null;
}

async function time(f: () => Promise<unknown>, runs: number, budgetMs: number): Promise<Latency> {
  await f(); // warm: plans prepared, pages cached
  const xs: number[] = [];
  const deadline = performance.now() + budgetMs;
  while (xs.length < runs && (xs.length < 3 || performance.now() < deadline)) {
    const t = performance.now();
    await f();
    xs.push(performance.now() - t);
  }
  xs.sort((a, b) => a - b);
  const at = (p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))] as number;
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  return { p50_ms: round(at(0.5)), p99_ms: round(at(0.99)), runs: xs.length };
}
