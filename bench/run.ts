/**
 * The benchmark: `npm run bench` (all scales) or `npm run bench -- --scales 1 --duration 2 --check` (CI).
 * For each scale (millions of streams) it generates a dataset (cached in --work), then measures
 *   1. prepare vs a plain DuckDB group by (artist, user) of the same parquet: time and peak memory;
 *   2. in process, on the snapshot: summary() and topFans(artist, 100), p50/p99, weighted-random and top-10 artists;
 *   3. topfans end to end (process start to CSV) on the snapshot;
 *   4. HTTP: POST /fanbase on weighted-random artists vs a bare Koa endpoint (autocannon, 50 connections);
 *   5. the audience and top-fans pages, in process and over HTTP (bench/audience; `--audience-only` adds them alone);
 * every fanbase prepare under --memory-limit (default 3GB: DuckDB spills past it; 'none' sets none),
 * and writes bench/results.json, bench/RESULTS.md and bench/latency.svg (not with --check).
 * `--once 1000 --memory-limit 16GB` measures one billion streams once (generate, prepare, questions; each heavy
 * step's result kept beside its dataset, so a run that stops resumes) and adds it to the last run's results.
 * --check also holds the snapshot's answers to those of the exports (the fixtures' expectations hold at scale).
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  statfsSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import autocannon from 'autocannon';
import { generateDataset } from '../src/generate/generate-dataset.js';
import { openFanbase } from '../src/open-fanbase.js';
import { measureAudience } from './audience/measure-audience.js';
import { measurePeers, type PeerResults, peersInstalled } from './peers/measure-peers.js';
import { rssMb, startProcess } from './processes.js';
import {
  type ClickHouseResult,
  type OnceResult,
  RANGE,
  type Results,
  renderResults,
  type ScaleResult,
} from './report.js';

const { values } = parseArgs({
  options: {
    scales: { type: 'string', default: '1,10,100' },
    work: { type: 'string', default: '/tmp/fanbase-bench' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    check: { type: 'boolean', default: false },
    // the scale (millions of streams) at which PostgreSQL and MariaDB are measured, when installed; 'none' skips
    peers: { type: 'string' },
    // the scales at which the ClickHouse adapter (chdb) is measured; 'none' skips
    clickhouse: { type: 'string' },
    // only the ClickHouse column, added to the results of the last full run (bench/results.json)
    'clickhouse-only': { type: 'boolean', default: false },
    // only the audience and top-fans pages (section 8), added to the results of the last full run
    'audience-only': { type: 'boolean', default: false },
    // DuckDB's memory for every fanbase prepare the bench runs (fanbase prepare --memory-limit); 'none' sets none
    'memory-limit': { type: 'string', default: '3GB' },
    // one size (millions of streams) measured once and added to the last full run's results: generated,
    // prepared (time, memory, disk) and asked (in process, topfans, HTTP); `--once 1000` is the billion
    once: { type: 'string' },
  },
});
const ROOT = new URL('..', import.meta.url).pathname;
const AS_OF = '2026-07-01';
const scales = (values.scales as string).split(',').map(Number);
const duration = Number(values.duration);
const connections = Number(values.connections);
const log = (...parts: unknown[]) => console.error('bench:', ...parts);
const ROUNDS = values.check ? 1 : 3;
const memoryLimit = values['memory-limit'] === 'none' ? null : (values['memory-limit'] as string);
/** The prepare job of the fanbase snapshot `out`, under the bench's memory limit. */
const prepareJob = (data: string, out: string) => [
  'prepare',
  data,
  out,
  AS_OF,
  ...(memoryLimit ? [memoryLimit] : []),
];
const peersAt = values.peers ?? String(values.check ? scales[0] : 10);
const clickHouseAt = (values.clickhouse ?? (values.check ? String(scales[0]) : '10,100')).split(',');
let peerResults: PeerResults | null = null;

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
};
/** The milliseconds of each of `n` runs of `f`, one after the other. */
async function time(f: () => Promise<unknown>, n: number): Promise<number[]> {
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await f();
    xs.push(performance.now() - t);
  }
  return xs;
}
const stats = (xs: number[]) => ({ p50_ms: round(percentile(xs, 0.5)), p99_ms: round(percentile(xs, 0.99)) });
const round = (x: number) => Math.round(x * 100) / 100;

/** Artists drawn as the generator draws them: log-uniform ranks, so large artists weigh more. */
function weightedArtists(artists: number, n: number, seed = 42): number[] {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  return Array.from({ length: n }, () =>
    Math.min(artists, Math.floor(Math.exp(next() * Math.log(artists + 1)))),
  );
}

function child(job: string[]): {
  seconds: number;
  peak_rss_mb: number;
  timings?: Record<string, number>;
  mode?: 'full' | 'incremental';
} {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'bench/measure-child.ts'), ...job],
    {
      encoding: 'utf8',
      cwd: ROOT,
    },
  );
  return JSON.parse(out.trim().split('\n').pop() as string);
}

/** Reads every file of a dataset once, so that each measured job finds it in the page cache. */
function warmPageCache(dir: string): void {
  const buffer = Buffer.alloc(1 << 22);
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const fd = openSync(join(entry.parentPath, entry.name), 'r');
    while (readSync(fd, buffer, 0, buffer.length, null) > 0);
    closeSync(fd);
  }
}

async function load(url: string, bodies: string[]) {
  let i = 0;
  const result = await autocannon({
    url,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => ({ ...request, body: bodies[i++ % bodies.length] as string }),
      },
    ],
  });
  return {
    requests_per_s: Math.round(result.requests.average),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/** The ClickHouse column at one scale, in a child process (bench/clickhouse/measure-clickhouse.ts). */
function measureClickHouse(
  data: string,
  snapshot: string,
  largest: number[],
  random: number[],
): ClickHouseResult {
  const out = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'bench/clickhouse/measure-clickhouse.ts'),
      data,
      snapshot,
      AS_OF,
      join(values.work as string, 'chdb'),
      largest.join(','),
      random.slice(0, 200).join(','),
      ...(values.check ? ['--check'] : []),
    ],
    { encoding: 'utf8', cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 },
  );
  return JSON.parse(out.trim().split('\n').pop() as string);
}

/**
 * The incremental prepare: the exports rewritten as the days before the last one (one part) and the last
 * day (another), the snapshot of the first prepared, then the second added to it (timed, in its own
 * process), and its answers held to a full prepare's of the same exports.
 */
async function measureIncremental(
  data: string,
  work: string,
  artists: number,
  largest: number[],
  others: number[],
) {
  const folder = join(work, 'by-day');
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(join(folder, 'streams'), { recursive: true });
  for (const table of ['users', 'follows'])
    copyFileSync(join(data, `${table}.parquet`), join(folder, `${table}.parquet`));
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const last = '2026-06-30';
  const source = `read_parquet('${data}/streams/*.parquet')`;
  await conn.run(
    `copy (select * from ${source} where streamed_at < '${last}') to '${folder}/streams/before.parquet'`,
  );
  const lastDay = `copy (select * from ${source} where streamed_at >= '${last}') to '${work}/last-day.parquet'`;
  await conn.run(lastDay);
  conn.closeSync();
  instance.closeSync();
  const snapshot = join(work, 'incremental.duckdb');
  const full = join(work, 'full.duckdb');
  rmSync(snapshot, { force: true });
  child(prepareJob(folder, snapshot));
  copyFileSync(join(work, 'last-day.parquet'), join(folder, 'streams', 'last-day.parquet'));
  const added = child(prepareJob(folder, snapshot));
  rmSync(full, { force: true });
  const whole = child(prepareJob(folder, full));
  if (added.mode !== 'incremental' || whole.mode !== 'full') {
    throw new Error(`the prepare onto the snapshot was ${added.mode}, the one of every part ${whole.mode}`);
  }
  const [a, b] = [await openFanbase({ data: snapshot }), await openFanbase({ data: full })];
  let equal = true;
  for (const artist of [...largest, ...others]) {
    for (const window of ['all', '28d']) {
      const same = async (f: (fb: typeof a) => Promise<unknown>) =>
        JSON.stringify(await f(a)) === JSON.stringify(await f(b));
      equal &&= await same((fb) => fb.summary(artist, { window }));
      equal &&= await same((fb) => fb.topFans(artist, 100, { window }));
    }
  }
  const [ia, ib] = [await a.summaryIndex(), await b.summaryIndex()];
  for (let artist = 0; artist <= artists + 1; artist++) {
    equal &&= JSON.stringify(ia.get(artist)) === JSON.stringify(ib.get(artist));
  }
  await a.close();
  await b.close();
  if (!equal) throw new Error('the incremental prepare answers differently from a full prepare');
  return {
    seconds: added.seconds,
    peak_rss_mb: added.peak_rss_mb,
    full_seconds: whole.seconds,
    equal,
    timings: added.timings,
  };
}

/**
 * summary and topFans(100) of the largest artists over each standard window (kept in the snapshot: 300 runs)
 * and over a range (computed per question, hundreds of milliseconds at 100M: 50 runs).
 */
async function windowLatencies(fb: Awaited<ReturnType<typeof openFanbase>>, largest: number[]) {
  const pick = () => largest[Math.floor(Math.random() * largest.length)] as number;
  const out: Record<string, { summary: ReturnType<typeof stats>; top_fans: ReturnType<typeof stats> }> = {};
  for (const [name, window] of [
    ['7d', '7d'],
    ['28d', '28d'],
    ['12m', '12m'],
    ['range', RANGE],
  ] as const) {
    const runs = values.check ? 20 : name === 'range' ? 50 : 300;
    out[name] = {
      summary: stats(await time(async () => fb.summary(pick(), { window }), runs)),
      top_fans: stats(await time(async () => fb.topFans(pick(), 100, { window }), runs)),
    };
  }
  return out;
}

/** topfans on the snapshot, process start to CSV on stdout, `artist`'s 100 top fans: 20 runs. */
function topfansEndToEnd(snapshot: string, artist: number) {
  const cli = join(ROOT, 'dist/bin/topfans.js');
  const e2e: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    const run = spawnSync(process.execPath, [
      cli,
      '--data',
      snapshot,
      '--artist_id',
      String(artist),
      '--nb_fans',
      '100',
    ]);
    if (run.status !== 0) throw new Error(`topfans failed: ${run.stderr}`);
    e2e.push(performance.now() - t);
  }
  return stats(e2e);
}

/** POST /fanbase on the API over `snapshot` against the bare Koa endpoint, alternating, and the API's memory. */
async function measureHttp(snapshot: string, artists: number) {
  const bodies = weightedArtists(artists, 10_000, 7).map((a) => JSON.stringify({ artist_id: a }));
  const api = await startProcess(
    [join(ROOT, 'dist/bin/api.js')],
    { PORT: '18181', FANBASE_DATA: snapshot, HOST: '127.0.0.1' },
    'http://127.0.0.1:18181/ready',
    join(values.work as string, 'api.log'),
  );
  const bare = await startProcess(
    ['--import', 'tsx', join(ROOT, 'bench/bare-koa.ts')],
    { PORT: '18182' },
    'http://127.0.0.1:18182/ready',
    join(values.work as string, 'bare-koa.log'),
  );
  await load('http://127.0.0.1:18181/fanbase', bodies.slice(0, 500)); // warm-up
  await load('http://127.0.0.1:18182/', bodies.slice(0, 500));
  // alternate the two, three rounds each, and keep each side's median run: this machine is noisy
  const apiRuns: Awaited<ReturnType<typeof load>>[] = [];
  const bareRuns: Awaited<ReturnType<typeof load>>[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    apiRuns.push(await load('http://127.0.0.1:18181/fanbase', bodies));
    bareRuns.push(await load('http://127.0.0.1:18182/', bodies));
  }
  const median = (runs: typeof apiRuns) =>
    [...runs].sort((a, b) => a.requests_per_s - b.requests_per_s)[
      Math.floor(runs.length / 2)
    ] as (typeof runs)[number];
  const apiMemory = rssMb(api.pid as number);
  api.kill('SIGTERM');
  bare.kill('SIGTERM');
  return { api: median(apiRuns), bare_koa: median(bareRuns), api_memory: apiMemory };
}

/** summary() and topFans(100) in process: weighted-random artists and the ten largest. */
async function questionLatencies(
  fb: Awaited<ReturnType<typeof openFanbase>>,
  random: number[],
  largest: number[],
) {
  const any = () => random[Math.floor(Math.random() * random.length)] as number;
  const big = () => largest[Math.floor(Math.random() * largest.length)] as number;
  return {
    summary_random: stats(await time(async () => fb.summary(any()), 1000)),
    summary_largest: stats(await time(async () => fb.summary(big()), 500)),
    top_fans_random: stats(await time(async () => fb.topFans(any(), 100), 1000)),
    top_fans_largest: stats(await time(async () => fb.topFans(big(), 100), 500)),
  };
}

/** The ten artists with the most fans among the first 50 (the generator gives the low ids the most streams). */
async function largestArtists(fb: Awaited<ReturnType<typeof openFanbase>>): Promise<number[]> {
  return (await Promise.all(Array.from({ length: 50 }, (_, i) => fb.summary(i + 1))))
    .sort((a, b) => b.total_fans - a.total_fans)
    .slice(0, 10)
    .map((s) => s.artist_id);
}

if (values['clickhouse-only']) {
  // adds the ClickHouse column to the last full run's results, on the datasets and snapshots it left in --work
  const previous = JSON.parse(readFileSync(join(ROOT, 'bench/results.json'), 'utf8')) as Results;
  for (const millions of scales) {
    const result = previous.results.find((r) => r.millions === millions);
    const data = join(values.work as string, `streams-${millions}m`);
    const snapshot = `${data}.duckdb`;
    if (!result || !existsSync(snapshot))
      throw new Error(`no full run at ${millions}M to add to (run npm run bench first)`);
    const fb = await openFanbase({ data: snapshot });
    const largest = await largestArtists(fb);
    await fb.close();
    warmPageCache(data);
    log(`${millions}M: ClickHouse (chdb)`);
    result.clickhouse = measureClickHouse(data, snapshot, largest, weightedArtists(result.artists, 1000));
    log(`${millions}M ClickHouse`, JSON.stringify(result.clickhouse));
  }
  writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(previous, null, 2)}\n`);
  const { markdown, svg } = renderResults(previous);
  writeFileSync(join(ROOT, 'bench/RESULTS.md'), markdown);
  writeFileSync(join(ROOT, 'bench/latency.svg'), svg);
  console.log('bench: added the ClickHouse column to bench/RESULTS.md and bench/results.json');
  process.exit(0);
}

if (values['audience-only']) {
  // adds the audience section to the last full run's results, on the datasets and snapshots in --work
  // (generated and prepared first where missing)
  const previous = JSON.parse(readFileSync(join(ROOT, 'bench/results.json'), 'utf8')) as Results;
  for (const millions of scales) {
    const result = previous.results.find((r) => r.millions === millions);
    if (!result) throw new Error(`no full run at ${millions}M to add to (run npm run bench first)`);
    const { data, snapshot } = await datasetOf(millions);
    if (!existsSync(snapshot)) {
      log(`${millions}M: prepare`);
      child(prepareJob(data, snapshot));
    }
    const fb = await openFanbase({ data: snapshot });
    const largest = await largestArtists(fb);
    await fb.close();
    log(`${millions}M: audience and top-fans pages`);
    result.audience = await audienceOf(snapshot, weightedArtists(result.artists, 1000), largest);
    log(`${millions}M audience`, JSON.stringify(result.audience));
  }
  if (values.check) {
    console.log(`bench check (audience) passed at ${scales.join(', ')}M streams`);
    process.exit(0);
  }
  previous.audience_added_on = new Date().toISOString().slice(0, 10);
  writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(previous, null, 2)}\n`);
  const { markdown, svg } = renderResults(previous);
  writeFileSync(join(ROOT, 'bench/RESULTS.md'), markdown);
  writeFileSync(join(ROOT, 'bench/latency.svg'), svg);
  console.log('bench: added the audience section to bench/RESULTS.md and bench/results.json');
  process.exit(0);
}

/** Section 8 on `snapshot`, with the run's settings (bench/audience/measure-audience.ts). */
function audienceOf(snapshot: string, random: number[], largest: number[]) {
  const work = values.work as string;
  const runs = values.check ? 20 : 300;
  return measureAudience({
    snapshot,
    random,
    largest,
    runs,
    duration,
    connections,
    rounds: ROUNDS,
    work,
    log,
  });
}

/** The dataset of a size in --work, generated unless the one there has the same parameters; its snapshot's path. */
async function datasetOf(millions: number): Promise<{ data: string; snapshot: string }> {
  const { streams, users, artists } = sizes(millions);
  const data = join(values.work as string, `streams-${millions}m`);
  const marker = join(data, '.generated');
  const params = JSON.stringify({ users, artists, streams, seed: 1 });
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== params) {
    log(`generating ${millions}M streams`);
    const started = performance.now();
    await generateDataset({ users, artists, streams, seed: 1, out: data });
    writeFileSync(marker, params);
    log(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return { data, snapshot: `${data}.duckdb` };
}

/** The dataset of a size: 100 streams per user, 2,000 per artist. */
function sizes(millions: number) {
  const streams = Math.round(millions * 1_000_000);
  return { streams, users: Math.max(1000, streams / 100), artists: Math.max(100, streams / 2000) };
}

/** Bytes used on the filesystem of the bench's work folder. */
function diskUsed(): number {
  const s = statfsSync(values.work as string);
  return (s.blocks - s.bfree) * s.bsize;
}

/** Megabytes of the files under `path` (a file or a folder). */
function sizeMb(path: string): number {
  const bytes = statSync(path).isDirectory()
    ? readdirSync(path, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0)
    : statSync(path).size;
  return Math.round(bytes / 2 ** 20);
}

/**
 * A measured job in its own process (bench/measure-child.ts), with the disk it takes at its peak beyond
 * what was used when it started (sampled every second: DuckDB's spill files come and go).
 */
async function childWithDisk(job: string[]) {
  const before = diskUsed();
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, diskUsed());
  }, 1000);
  const out = await new Promise<string>((resolve, reject) =>
    execFile(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'bench/measure-child.ts'), ...job],
      { encoding: 'utf8', cwd: ROOT, maxBuffer: 1 << 24 },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    ),
  ).finally(() => clearInterval(timer));
  peak = Math.max(peak, diskUsed());
  const result = JSON.parse(out.trim().split('\n').pop() as string) as ReturnType<typeof child>;
  return { ...result, disk_peak_mb: Math.round((peak - before) / 2 ** 20) };
}

/** A heavy step of --once, its result kept in `file` with its job, so that a run that stopped resumes after it. */
async function keptStep<T>(file: string, job: string[], done: boolean, run: () => Promise<T>): Promise<T> {
  if (done && existsSync(file)) {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as { job: string[]; result: T };
    if (JSON.stringify(kept.job) === JSON.stringify(job)) {
      log(`${job[0]}: kept from ${file}`);
      return kept.result;
    }
  }
  const result = await run();
  writeFileSync(file, JSON.stringify({ job, result }));
  return result;
}

if (values.once) {
  // one size, once: added to the last full run's results (bench/results.json) as its own section
  const millions = Number(values.once);
  mkdirSync(values.work as string, { recursive: true });
  const previous = JSON.parse(readFileSync(join(ROOT, 'bench/results.json'), 'utf8')) as Results;
  const { streams, users, artists } = sizes(millions);
  const data = join(values.work as string, `streams-${millions}m`);
  const snapshot = `${data}.duckdb`;
  const generateJob = ['generate', data, String(users), String(artists), String(streams)];
  log(`${millions}M once: generate`);
  const generated = await keptStep(`${data}.generate.json`, generateJob, existsSync(data), async () => {
    rmSync(snapshot, { force: true });
    return childWithDisk(generateJob);
  });
  log(`${millions}M once: prepare`, memoryLimit ? `under --memory-limit ${memoryLimit}` : '');
  const prepareFull = prepareJob(data, snapshot);
  const prepared = await keptStep(`${data}.prepare.json`, prepareFull, existsSync(snapshot), async () => {
    rmSync(snapshot, { force: true });
    rmSync(`${data}.questions.json`, { force: true }); // asked of the snapshot this step replaces
    return childWithDisk(prepareFull);
  });
  if (prepared.mode !== 'full') throw new Error(`the ${millions}M prepare was ${prepared.mode}, not full`);

  log(`${millions}M once: in process`);
  const asked = await keptStep(`${data}.questions.json`, ['questions', snapshot], true, async () => {
    const fb = await openFanbase({ data: snapshot });
    const largest = await largestArtists(fb);
    const random = weightedArtists(artists, 1000);
    for (const a of random.slice(0, 50)) await fb.topFans(a, 100); // warm-up
    const inProcess = {
      ...(await questionLatencies(fb, random, largest)),
      windows_largest: await windowLatencies(fb, largest),
    };
    await fb.close();
    log(`${millions}M once: topfans end to end`);
    return { inProcess, e2e: topfansEndToEnd(snapshot, largest[0] as number) };
  });
  const { inProcess, e2e } = asked;
  log(`${millions}M once: HTTP, ${connections} connections, ${duration} s each`);
  const http = await measureHttp(snapshot, artists);
  const once: OnceResult = {
    measured_on: new Date().toISOString().slice(0, 10),
    millions,
    users,
    artists,
    memory_limit: memoryLimit,
    machine_memory_mb: Math.round(totalmem() / 2 ** 20),
    generate: { ...generated, exports_mb: sizeMb(data) },
    prepare: { ...prepared, snapshot_mb: sizeMb(snapshot) },
    in_process: inProcess,
    topfans_end_to_end: e2e,
    http,
  };
  log(`${millions}M once`, JSON.stringify(once));
  previous.once = once;
  writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(previous, null, 2)}\n`);
  const { markdown, svg } = renderResults(previous);
  writeFileSync(join(ROOT, 'bench/RESULTS.md'), markdown);
  writeFileSync(join(ROOT, 'bench/latency.svg'), svg);
  console.log(`bench: added ${millions}M streams, once, to bench/RESULTS.md and bench/results.json`);
  process.exit(0);
}

const results: ScaleResult[] = [];
for (const millions of scales) {
  const { users, artists } = sizes(millions);
  const { data, snapshot } = await datasetOf(millions);

  // both jobs read the exports from the page cache: a cold first reader paid ~20 s more at 100M than the
  // second in one run (the peers' servers, started between scales, had pushed the files out of memory)
  warmPageCache(data);
  log(`${millions}M: prepare and plain group by`);
  // onto the snapshot of an earlier run, of the same exports, prepare would be incremental with nothing to add
  rmSync(snapshot, { force: true });
  const { mode, ...prepare } = child(prepareJob(data, snapshot));
  if (mode !== 'full') throw new Error(`the ${millions}M prepare was ${mode}, not a full prepare`);
  const groupby = child(['groupby', data]);

  log(`${millions}M: in process`);
  const fb = await openFanbase({ data: snapshot });
  const index = await fb.summaryIndex();
  const indexStarted = performance.now();
  const heapBefore = process.memoryUsage().heapUsed;
  const topFansIndex = await fb.topFansIndex(100);
  const topFansIndexBuild = {
    seconds: round((performance.now() - indexStarted) / 1000),
    heap_mb: Math.round((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20),
    artists: topFansIndex.artists,
  };
  const largest = await largestArtists(fb);
  const random = weightedArtists(artists, 1000);
  for (const a of random.slice(0, 50)) await fb.topFans(a, 100); // warm-up
  const inProcess = {
    ...(await questionLatencies(fb, random, largest)),
    top_fans_index: topFansIndexBuild,
    top_fans_index_largest: stats(
      await time(async () => topFansIndex.get(largest[Math.floor(Math.random() * 10)] as number, 100), 500),
    ),
    windows_largest: await windowLatencies(fb, largest),
  };
  if (values.check) {
    // the snapshot's answers are the exports' answers
    const direct = await openFanbase({ data, asOf: AS_OF });
    for (const a of [...largest.slice(0, 3), ...random.slice(0, 20)]) {
      const [x, y] = [await fb.summary(a), await direct.summary(a)];
      if (JSON.stringify(x) !== JSON.stringify(y))
        throw new Error(`summary of ${a} differs: ${JSON.stringify([x, y])}`);
      if (JSON.stringify(index.get(a)) !== JSON.stringify(x))
        throw new Error(`summary index of ${a} differs`);
      const [t1, t2] = [await fb.topFans(a, 20), await direct.topFans(a, 20)];
      if (JSON.stringify(t1) !== JSON.stringify(t2)) throw new Error(`top fans of ${a} differ`);
    }
    await direct.close();
    log('check: the snapshot answers as the exports do');
  }
  if (peersAt === String(millions) && peersInstalled().length > 0) {
    log(`${millions}M: peers (${peersInstalled().join(', ')})`);
    const fanCounts = [];
    for (let a = 1; a <= artists; a++) if (index.has(a)) fanCounts.push(index.get(a));
    peerResults = await measurePeers({
      millions,
      data,
      work: join(values.work as string, 'peers'),
      asOf: AS_OF,
      ours: {
        summary: async (a) => index.get(a),
        topFans: async (a, n) => topFansIndex.get(a, n),
        query: { summary: (a) => fb.summary(a), topFans: (a, n) => fb.topFans(a, n) },
      },
      fanCounts,
      alsoCheck: random.slice(0, values.check ? 5 : 20),
      runs: values.check ? 3 : 30,
      budgetMs: values.check ? 2_000 : 30_000,
      log,
    });
  }
  await fb.close();

  let clickhouse: ClickHouseResult | undefined;
  if (clickHouseAt.includes(String(millions))) {
    log(`${millions}M: ClickHouse (chdb)`);
    clickhouse = measureClickHouse(data, snapshot, largest, random);
  }

  log(`${millions}M: topfans end to end`);
  const e2e = topfansEndToEnd(snapshot, largest[0] as number);

  log(`${millions}M: HTTP, ${connections} connections, ${duration} s each`);
  const http = await measureHttp(snapshot, artists);

  log(`${millions}M: audience and top-fans pages`);
  const audience = await audienceOf(snapshot, random, largest);

  log(`${millions}M: one new day, incremental prepare`);
  const incremental = await measureIncremental(
    data,
    values.work as string,
    artists,
    largest,
    random.slice(0, 20),
  );

  results.push({
    millions,
    users,
    artists,
    prepare,
    groupby,
    incremental,
    in_process: inProcess,
    topfans_end_to_end: e2e,
    http,
    audience,
    clickhouse,
  });
  log(`${millions}M done`, JSON.stringify(results.at(-1)));
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
if (values.check) {
  console.log(`bench check passed at ${scales.join(', ')}M streams on ${machine}`);
} else {
  const run: Results = {
    machine,
    duration,
    connections,
    memory_limit: memoryLimit,
    results,
    peers: peerResults,
  };
  writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(run, null, 2)}\n`);
  const { markdown, svg } = renderResults(run);
  writeFileSync(join(ROOT, 'bench/RESULTS.md'), markdown);
  writeFileSync(join(ROOT, 'bench/latency.svg'), svg);
  console.log('bench: wrote bench/RESULTS.md, bench/latency.svg, bench/results.json');
}
