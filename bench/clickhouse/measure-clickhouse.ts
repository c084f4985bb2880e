/**
 * The ClickHouse column of the benchmark, in its own process (chdb holds one data folder per process, and
 * its memory is then this process's own):
 *   measure-clickhouse.ts <data> <snapshot.duckdb> <as_of> <chdb folder> <largest artists,> <random artists,> [--check]
 * 1. `fanbase prepare --engine clickhouse` into chdb: DuckDB reads and checks the exports (as for the
 *    snapshot), ClickHouse ingests them and its materialized views build the listening tables;
 * 2. the questions, one query each: summary and topFans(100), random and largest artists; and every
 *    artist's profile at once (what the API loads at start);
 * 3. the answers held to the DuckDB snapshot's for 13 artists (summaries equal, top fans equal to 1e-9).
 * Prints one JSON line (ClickHouseResult).
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { chdbTransport } from '../../src/adapters/clickhouse/chdb-transport.js';
import { ClickHouseFanRepository } from '../../src/adapters/clickhouse/clickhouse-fan-repository.js';
import { loadExports } from '../../src/adapters/clickhouse/load-exports.js';
import { createFanbase } from '../../src/domain/fanbase.js';
import { resolveSettings } from '../../src/domain/settings.js';
import { openFanbase } from '../../src/open-fanbase.js';
import type { ClickHouseResult } from '../report.js';

const [data, snapshot, asOf, folder, largestList, randomList] = process.argv.slice(2) as string[];
const check = process.argv.includes('--check');
const largest = (largestList as string).split(',').map(Number);
const random = (randomList as string).split(',').map(Number);
const settings = resolveSettings({ asOf });
const round = (x: number) => Math.round(x * 100) / 100;
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] as number;
const stats = (xs: number[]) => ({ p50_ms: round(percentile(xs, 0.5)), p99_ms: round(percentile(xs, 0.99)) });
const log = (...parts: unknown[]) => console.error('bench (clickhouse):', ...parts);

rmSync(folder as string, { recursive: true, force: true });
let started = performance.now();
const transport = await chdbTransport({ path: folder, queryTimeoutMs: 0 });
const report = await loadExports(transport, data as string, {}, settings);
const loadSeconds = (performance.now() - started) / 1000;
const duckdbSeconds = Object.values(report.timings).reduce((a, b) => a + b, 0);
log(`loaded in ${loadSeconds.toFixed(1)} s (DuckDB read, check and export ${duckdbSeconds.toFixed(1)} s)`);
const diskMb = Math.round(
  Number(execFileSync('du', ['-sk', folder as string], { encoding: 'utf8' }).split('\t')[0]) / 1024,
);

const repository = await ClickHouseFanRepository.open(transport, settings);
const fb = createFanbase(repository, settings, {});
started = performance.now();
const profiles = await repository.artistProfiles();
const everyProfileSeconds = (performance.now() - started) / 1000;
log(`every artist's profile (${profiles.length}) in ${everyProfileSeconds.toFixed(1)} s`);

const time = async (artists: number[], n: number, f: (artist: number) => Promise<unknown>) => {
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await f(artists[i % artists.length] as number);
    xs.push(performance.now() - t);
  }
  return stats(xs);
};
const runs = check ? 5 : 50;
for (const a of random.slice(0, 3)) await fb.topFans(a, 100); // warm-up
const questions = {
  summary_random: await time(random, runs, (a) => fb.summary(a)),
  summary_largest: await time(largest, runs, (a) => fb.summary(a)),
  top_fans_random: await time(random, runs, (a) => fb.topFans(a, 100)),
  top_fans_largest: await time(largest, runs, (a) => fb.topFans(a, 100)),
};
log('questions', JSON.stringify(questions));

const reference = await openFanbase({ data: snapshot });
const checked = [...largest.slice(0, 3), ...random.slice(0, 10)];
for (const a of checked) {
  const [x, y] = [await fb.summary(a), await reference.summary(a)];
  if (JSON.stringify(x) !== JSON.stringify(y))
    throw new Error(`summary of ${a} differs: ${JSON.stringify([x, y])}`);
  const [t1, t2] = [await fb.topFans(a, 100), await reference.topFans(a, 100)];
  const same =
    t1.length === t2.length &&
    t1.every((f, i) => f.user_id === t2[i]?.user_id && Math.abs(f.score - (t2[i]?.score ?? 0)) < 1e-9);
  if (!same) throw new Error(`top fans of ${a} differ`);
}
await reference.close();
await fb.close();
const result: ClickHouseResult = {
  load: {
    seconds: round(loadSeconds),
    duckdb_seconds: round(duckdbSeconds),
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    disk_mb: diskMb,
  },
  every_artist_profile_seconds: round(everyProfileSeconds),
  ...questions,
  checked_artists: checked.length,
};
rmSync(folder as string, { recursive: true, force: true });
console.log(JSON.stringify(result));
