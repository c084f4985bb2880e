/** Turns benchmark results into bench/RESULTS.md (tables, targets) and bench/latency.svg (a plot). */
import type { PeerResults } from './peers/measure-peers.js';

type Latency = { p50_ms: number; p99_ms: number };

/** The range of days the window questions ask over besides the standard windows (bench/run.ts). */
export const RANGE = '2026-06-01..2026-06-28';
const RANGE_WORDS = `${RANGE}, 28 days`;
type Load = { requests_per_s: number; p50_ms: number; p99_ms: number; errors: number };

export interface ScaleResult {
  millions: number;
  users: number;
  artists: number;
  prepare: { seconds: number; peak_rss_mb: number; timings?: Record<string, number> };
  groupby: { seconds: number; peak_rss_mb: number };
  in_process: {
    summary_random: Latency;
    summary_largest: Latency;
    top_fans_random: Latency;
    top_fans_largest: Latency;
    /** topFansIndex(100): its build, once, and a lookup */
    top_fans_index?: { seconds: number; heap_mb: number; artists: number };
    top_fans_index_largest?: Latency;
    /** over each standard window the snapshot keeps (7d, 28d, 12m) and a range it computes, largest artists */
    windows_largest?: Record<string, { summary: Latency; top_fans: Latency }>;
  };
  /** One new day's stream part added to the snapshot of the other days, and the full prepare of them all */
  incremental?: {
    seconds: number;
    peak_rss_mb: number;
    full_seconds: number;
    equal: boolean;
    /** the incremental prepare's steps, from its data report */
    timings?: Record<string, number>;
  };
  topfans_end_to_end: Latency;
  http: { api: Load; bare_koa: Load; api_memory: { rss_mb: number; peak_rss_mb: number } };
  /** The same questions through the ClickHouse adapter over chdb (bench/clickhouse), where measured. */
  clickhouse?: ClickHouseResult;
  /** The audience and the top-fans pages (bench/audience), where measured. */
  audience?: AudienceResult;
}

/** What bench/clickhouse/measure-clickhouse.ts measures at one scale. */
export interface ClickHouseResult {
  /** prepare --engine clickhouse: the whole load, the DuckDB part of it, peak memory, chdb's folder on disk */
  load: { seconds: number; duckdb_seconds: number; peak_rss_mb: number; disk_mb: number };
  /** every artist's profile in one query: what the API loads at start */
  every_artist_profile_seconds: number;
  summary_random: Latency;
  summary_largest: Latency;
  top_fans_random: Latency;
  top_fans_largest: Latency;
  /** artists whose answers were held to the DuckDB snapshot's */
  checked_artists: number;
}

/** One size measured once (`npm run bench -- --once 1000`: one billion streams), beside the full run. */
export interface OnceResult {
  /** The day it was measured (YYYY-MM-DD): the machine's speed varies from day to day */
  measured_on?: string;
  millions: number;
  users: number;
  artists: number;
  memory_limit: string | null;
  machine_memory_mb: number;
  /** fanbase generate: its time, peak memory and the disk it took at its peak; the exports' size */
  generate: { seconds: number; peak_rss_mb: number; disk_peak_mb: number; exports_mb: number };
  /** fanbase prepare: time, peak memory, disk at its peak (spill files and the file being written), snapshot size */
  prepare: {
    seconds: number;
    peak_rss_mb: number;
    disk_peak_mb: number;
    snapshot_mb: number;
    timings?: Record<string, number>;
  };
  in_process: ScaleResult['in_process'];
  topfans_end_to_end: Latency;
  http: ScaleResult['http'];
}

export interface Results {
  machine: string;
  duration: number;
  connections: number;
  results: ScaleResult[];
  /** null when no peer was measured (none installed, or --peers none) */
  peers?: PeerResults | null;
  /**
   * Where the peers' and ClickHouse's figures come from when this run did not measure them and they are
   * carried from an earlier one (bench/carry.ts), e.g. "the run of 2026-11-28, fanbase 0.3.0"
   */
  carried?: string;
  /** DuckDB's memory for each fanbase prepare of the run (`fanbase prepare --memory-limit`); null or absent: none set */
  memory_limit?: string | null;
  /** a size measured once, added to this run's results by `--once` */
  once?: OnceResult;
  /** the day `--audience-only` added section 8 to this run's results, when it did */
  audience_added_on?: string;
}

import type { AudienceResult } from './audience/measure-audience.js';

const ms = (l: Latency) => `${l.p50_ms} / ${l.p99_ms}`;
const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');

export function renderResults({
  machine,
  duration,
  connections,
  results,
  peers,
  carried,
  memory_limit: memoryLimit,
  once,
  audience_added_on: audienceAddedOn,
}: Results): {
  markdown: string;
  svg: string;
} {
  const rows = (f: (r: ScaleResult) => string) =>
    results.map((r) => `| ${r.millions}M | ${f(r)} |`).join('\n');
  const largest = results.at(-1) as ScaleResult;
  const limited = memoryLimit ? `under \`--memory-limit ${memoryLimit}\`` : 'no memory limit set';
  const smallest = results[0] as ScaleResult;
  const ratio = (r: ScaleResult) => r.http.api.requests_per_s / r.http.bare_koa.requests_per_s;
  const flat = (f: (r: ScaleResult) => number) => f(largest) <= 2 * Math.max(f(smallest), 0.05);
  const targets: [string, string, boolean][] = [
    [
      `HTTP throughput >= 80% of bare Koa (${largest.millions}M)`,
      `${(ratio(largest) * 100).toFixed(0)}%`,
      ratio(largest) >= 0.8,
    ],
    [
      `HTTP p99 <= 10 ms at ${connections} connections`,
      `${largest.http.api.p99_ms} ms`,
      largest.http.api.p99_ms <= 10,
    ],
    [
      `topFans(largest, 100) <= 50 ms in process (p99, ${largest.millions}M)`,
      `${largest.in_process.top_fans_largest.p99_ms} ms`,
      largest.in_process.top_fans_largest.p99_ms <= 50,
    ],
    [
      `topfans end to end <= 1 s (p99, ${largest.millions}M)`,
      `${largest.topfans_end_to_end.p99_ms} ms`,
      largest.topfans_end_to_end.p99_ms <= 1000,
    ],
    [
      `prepare <= 3x the plain group by (${largest.millions}M)`,
      `${(largest.prepare.seconds / largest.groupby.seconds).toFixed(1)}x`,
      largest.prepare.seconds <= 3 * largest.groupby.seconds,
    ],
    ...(['7d', '28d', '12m', 'range'] as const).map((name): [string, string, boolean] => {
      const measured = largest.in_process.windows_largest?.[name];
      const what = name === 'range' ? `a range (${RANGE_WORDS}, computed)` : `${name} (kept)`;
      return [
        `window question over ${what}, largest artist <= 50 ms in process (p99 summary, topFans(100); ${largest.millions}M)`,
        measured ? `${measured.summary.p99_ms} ms, ${measured.top_fans.p99_ms} ms` : 'not measured',
        measured !== undefined && measured.summary.p99_ms <= 50 && measured.top_fans.p99_ms <= 50,
      ];
    }),
    [
      `one new day into the snapshot <= 15 s end to end, answers equal to a full prepare's (${largest.millions}M)`,
      largest.incremental
        ? `${largest.incremental.seconds.toFixed(1)} s (full: ${largest.incremental.full_seconds.toFixed(1)} s), ${largest.incremental.equal ? 'equal' : 'NOT equal'}`
        : 'not measured',
      largest.incremental !== undefined && largest.incremental.seconds <= 15 && largest.incremental.equal,
    ],
    [
      `prepare peak memory <= 4 GiB, under a memory limit DuckDB spills past (${largest.millions}M; ${limited})`,
      `${largest.prepare.peak_rss_mb} MB`,
      largest.prepare.peak_rss_mb <= 4096,
    ],
    [
      `API resident memory <= 2 GiB (${largest.millions}M)`,
      `${largest.http.api_memory.peak_rss_mb} MB`,
      largest.http.api_memory.peak_rss_mb <= 2048,
    ],
    [
      `request latency flat within 2x from ${smallest.millions}M to ${largest.millions}M (HTTP p50, in-process top fans p50)`,
      `${smallest.http.api.p50_ms} -> ${largest.http.api.p50_ms} ms; ${smallest.in_process.top_fans_largest.p50_ms} -> ${largest.in_process.top_fans_largest.p50_ms} ms`,
      flat((r) => r.http.api.p50_ms) && flat((r) => r.in_process.top_fans_largest.p50_ms),
    ],
  ];
  const withAudience = [...results].reverse().find((r) => r.audience);
  if (withAudience) targets.push(...audienceTargets(withAudience));
  if (once) targets.push(...onceTargets(once));
  if (peers) {
    const worst = Math.min(...peers.questions.map(bestPeerRatio));
    targets.push([
      `each question >= 50x faster than the best peer variant (${peers.millions}M, median and largest artist)`,
      `${worst.toFixed(1)}x at worst${carried ? ' (carried, section 5)' : ''}`,
      worst >= 50,
    ]);
  }

  const markdown = `# Benchmark results

Written by \`npm run bench\` (bench/run.ts) in one run on this machine${once ? ` (section 7: one size measured once, afterwards)` : ''}${audienceAddedOn ? ` (section 8 added by \`--audience-only\` on ${audienceAddedOn})` : ''}: ${machine}. Datasets from
\`fanbase generate --seed 1\` with 100 streams per user and 2,000 streams per artist; answers as of 2026-07-01,
from a snapshot made by \`fanbase prepare\`. Latencies are p50 / p99 in milliseconds.

## Targets

| target | measured | |
|---|---|---|
${targets.map(([t, m, ok]) => `| ${t} | ${m} | ${verdict(ok)} |`).join('\n')}

![latency by dataset size](latency.svg)

${gaps(results, largest, ratio(largest), connections, limited, once)}

## 1. HTTP: POST /fanbase vs a bare Koa endpoint (${connections} connections, ${duration} s, autocannon)

Artists drawn like the generator draws them (log-uniform ranks: large artists weigh more). The bare
endpoint reads the body, parses it as JSON and answers a constant body of the same size (bench/bare-koa.ts).
The two alternate, three runs each; each side's median run is shown.

| streams | API req/s | API p50 / p99 | bare Koa req/s | bare p50 / p99 | ratio | API errors | API RSS (peak) |
|---|---|---|---|---|---|---|---|
${rows((r) => `${r.http.api.requests_per_s} | ${r.http.api.p50_ms} / ${r.http.api.p99_ms} | ${r.http.bare_koa.requests_per_s} | ${r.http.bare_koa.p50_ms} / ${r.http.bare_koa.p99_ms} | ${(ratio(r) * 100).toFixed(0)}% | ${r.http.api.errors} | ${r.http.api_memory.rss_mb} MB (${r.http.api_memory.peak_rss_mb} MB)`)}

## 2. In process, on the snapshot

| streams | artists | summary, random | summary, 10 largest | topFans(100), random | topFans(100), 10 largest | topFansIndex(100): build, heap | its get(100), 10 largest |
|---|---|---|---|---|---|---|---|
${rows((r) => `${r.artists} | ${ms(r.in_process.summary_random)} | ${ms(r.in_process.summary_largest)} | ${ms(r.in_process.top_fans_random)} | ${ms(r.in_process.top_fans_largest)} | ${r.in_process.top_fans_index ? `${r.in_process.top_fans_index.seconds} s, ${r.in_process.top_fans_index.heap_mb} MB` : '-'} | ${r.in_process.top_fans_index_largest ? ms(r.in_process.top_fans_index_largest) : '-'}`)}

\`summary()\` and \`topFans()\` run one DuckDB query each on the snapshot; \`topFansIndex(100)\` reads every
artist's top 100 adult fans once and answers from memory (for processes that ask many times).

## 3. topfans end to end (process start to CSV on stdout, largest artist, 100 fans, snapshot)

Most of it is starting Node and loading the modules; the query takes a few milliseconds (section 2). With
20 runs the p99 is the slowest run: one run that meets a busy machine sets it.

| streams | p50 / p99 (20 runs) |
|---|---|
${rows((r) => ms(r.topfans_end_to_end))}

## 4. prepare vs the engine's floor (same parquet, same run)

The floor: \`create table as select artist_id, user_id, count(*), sum(ms_played) from streams group by all\`.
Every fanbase prepare of this run (here and in the incremental prepare below): ${limited}.

| streams | users | prepare | peak memory | plain group by | peak memory | ratio |
|---|---|---|---|---|---|---|
${rows((r) => `${r.users} | ${r.prepare.seconds.toFixed(1)} s | ${r.prepare.peak_rss_mb} MB | ${r.groupby.seconds.toFixed(1)} s | ${r.groupby.peak_rss_mb} MB | ${(r.prepare.seconds / r.groupby.seconds).toFixed(1)}x`)}

Where prepare spends its time at ${largest.millions}M streams (seconds, from the data report's timings; the
rest is writing and checkpointing the snapshot file):

| step | seconds |
|---|---|
${Object.entries(largest.prepare.timings ?? {})
  .map(([step, seconds]) => `| ${step} | ${seconds} |`)
  .join('\n')}

### The incremental prepare

The streams split into the last day (2026-06-30) and the days before; the snapshot of the days before
prepared, then \`fanbase prepare\` run again onto it with the last day's part beside the others, against a
full prepare of the same exports; the two snapshots' answers compared (every artist's summary, the top
fans of the largest and of 20 others, over all days and 28 days).

| streams | one new day, incremental | peak memory | full prepare of the same exports | answers |
|---|---|---|---|---|
${rows((r) => (r.incremental ? `${r.incremental.seconds.toFixed(1)} s | ${r.incremental.peak_rss_mb} MB | ${r.incremental.full_seconds.toFixed(1)} s | ${r.incremental.equal ? 'equal' : 'differ'}` : '- | - | - | -'))}

Where the incremental prepare spends its time at ${largest.millions}M streams (seconds, from its data report;
the steps before \`merge snapshot\` read and aggregate the new part and the users and follows exports):

| step | seconds |
|---|---|
${Object.entries(largest.incremental?.timings ?? {})
  .map(([step, seconds]) => `| ${step} | ${seconds} |`)
  .join('\n')}

Window questions in process on the snapshot, the ten largest artists (p50 / p99 ms): the standard windows
the snapshot keeps (\`7d\`, \`28d\`, \`12m\`; the API answers them from memory too), and a range of days
(${RANGE_WORDS}), which a question computes from the daily aggregates:

| streams | summary 7d | topFans(100) 7d | summary 28d | topFans(100) 28d | summary 12m | topFans(100) 12m | summary, a range | topFans(100), a range |
|---|---|---|---|---|---|---|---|---|
${rows((r) =>
  ['7d', '28d', '12m', 'range']
    .map((name) => {
      const w = r.in_process.windows_largest?.[name];
      return w ? `${ms(w.summary)} | ${ms(w.top_fans)}` : '- | -';
    })
    .join(' | '),
)}

## 5. Peers (PostgreSQL 15, MariaDB 10.11)

${carried && peers ? `${carriedNote(carried)}\n\n` : ''}${peers ? peerSection(peers) : 'Not measured in this run (neither PostgreSQL nor MariaDB installed, or `--peers none`).'}

## 6. ClickHouse (chdb) beside DuckDB

${carried && results.some((r) => r.clickhouse) ? `${carriedNote(carried)} The DuckDB figures beside them are this run's.\n\n` : ''}${clickHouseSection(results)}
${once ? `\n${onceSection(once)}\n` : ''}
## 8. The audience and top-fans pages

${audienceSection(results)}
`;
  return { markdown, svg: plot(results) };
}

/** The worst p99 in process of the audience and of a top-fans page, over every window and artist draw. */
function worstAudienceP99(a: AudienceResult): { audience: number; page: number } {
  const all = Object.values(a.in_process);
  return {
    audience: Math.max(...all.flatMap((w) => [w.audience_random.p99_ms, w.audience_largest.p99_ms])),
    page: Math.max(...all.flatMap((w) => [w.top_fans_page_random.p99_ms, w.top_fans_page_largest.p99_ms])),
  };
}

function audienceTargets(r: ScaleResult): [string, string, boolean][] {
  const a = r.audience as AudienceResult;
  const worst = worstAudienceP99(a);
  const share = (e: 'audience' | 'top_fans') =>
    a.http[e].api.requests_per_s / a.http[e].bare_koa.requests_per_s;
  return [
    [
      `audience and a top-fans page of 100 <= 20 ms in process (worst p99 over all, 7d, 28d, 12m, random and largest artists; ${r.millions}M)`,
      `${worst.audience} ms, ${worst.page} ms`,
      worst.audience <= 20 && worst.page <= 20,
    ],
    [
      `audience and top-fans pages over HTTP >= 70% of bare Koa answering a body of the same size (${r.millions}M)`,
      `${(share('audience') * 100).toFixed(0)}%, ${(share('top_fans') * 100).toFixed(0)}%`,
      share('audience') >= 0.7 && share('top_fans') >= 0.7,
    ],
    [
      `API resident memory <= 2 GiB after the audience and top-fans loads (${r.millions}M)`,
      `${a.api_memory.peak_rss_mb} MB`,
      a.api_memory.peak_rss_mb <= 2048,
    ],
  ];
}

/** Section 8: each scale where the audience was measured. */
function audienceSection(results: ScaleResult[]): string {
  const measured = results.filter((r) => r.audience);
  if (measured.length === 0) return 'Not measured in this run.';
  const windows = Object.keys(
    (measured[0] as ScaleResult & { audience: AudienceResult }).audience.in_process,
  );
  const inProcess = measured
    .flatMap((r) =>
      windows.map((w) => {
        const x = (r.audience as AudienceResult).in_process[w];
        if (!x) return '';
        return `| ${r.millions}M | ${w} | ${ms(x.audience_random)} | ${ms(x.audience_largest)} | ${ms(x.top_fans_page_random)} | ${ms(x.top_fans_page_largest)} |`;
      }),
    )
    .filter((row) => row !== '')
    .join('\n');
  const http = measured
    .flatMap((r) =>
      (['audience', 'top_fans'] as const).map((e) => {
        const h = (r.audience as AudienceResult).http[e];
        const share = ((h.api.requests_per_s / h.bare_koa.requests_per_s) * 100).toFixed(0);
        const cold = h.api_uncached
          ? `${h.api_uncached.requests_per_s} (${h.api_uncached.p50_ms} / ${h.api_uncached.p99_ms})`
          : '-';
        return `| ${r.millions}M | ${e === 'audience' ? 'audience' : 'top fans, 100'} | ${h.body_bytes} | ${h.api.requests_per_s} | ${h.api.p50_ms} / ${h.api.p99_ms} | ${h.bare_koa.requests_per_s} | ${share}% | ${h.api.errors} | ${cold} |`;
      }),
    )
    .join('\n');
  const memory = measured
    .map((r) => `${r.millions}M: ${(r.audience as AudienceResult).api_memory.peak_rss_mb} MB`)
    .join(', ');
  return `\`audience(artist, { window })\` (four repository queries: the profile, the tiers, the trend, the fans up
to the window's end) and \`topFans(artist, 100, { window, offset })\` (one query; offset 0 to 900) on the
snapshot, 300 runs each, weighted-random artists and the ten largest:

| streams | window | audience, random | audience, 10 largest | top-fans page, random | top-fans page, 10 largest |
|---|---|---|---|---|---|
${inProcess}

Over HTTP, \`GET /artists/{id}/audience?window=W\` and \`GET /artists/{id}/top-fans?limit=100&window=W\` over the
same 1,000 weighted-random artists (the four windows in turn) against a bare Koa endpoint answering a constant
body of the API's mean body size, alternating, each side's median run. The API keeps each answer once
computed (\`FANBASE_ANSWER_CACHE_MB\`, until the next dataset); the last column is the same paths on an API
with that cache off, every request a question to the engine, as the first ask of each answer is:

| streams | endpoint | body (bytes) | API req/s | API p50 / p99 | bare Koa req/s | ratio | API errors | no answer cache: req/s (p50 / p99) |
|---|---|---|---|---|---|---|---|---|
${http}

API resident memory at its peak, after both loads: ${memory}.`;
}

const gb = (mb: number) => `${(mb / 1024).toFixed(1)} GB`;
const WINDOWS = ['7d', '28d', '12m', 'range'] as const;

/** The targets a size measured once is held to: made within the machine, and the latencies holding. */
function onceTargets(o: OnceResult): [string, string, boolean][] {
  const at = `${o.millions}M, once`;
  const windows = o.in_process.windows_largest ?? {};
  const ratio = o.http.api.requests_per_s / o.http.bare_koa.requests_per_s;
  const peak = Math.max(o.generate.peak_rss_mb, o.prepare.peak_rss_mb);
  return [
    [
      `${o.millions}M streams (${o.users.toLocaleString('en-US')} users, ${o.artists.toLocaleString('en-US')} artists) generated and prepared within the machine's memory (${o.machine_memory_mb} MB)`,
      `generate ${o.generate.seconds.toFixed(0)} s, prepare ${o.prepare.seconds.toFixed(0)} s; peak ${peak} MB`,
      peak < o.machine_memory_mb,
    ],
    [
      `topFans(largest, 100) and summary <= 50 ms in process (p99, ${at})`,
      `${o.in_process.summary_largest.p99_ms} ms, ${o.in_process.top_fans_largest.p99_ms} ms`,
      o.in_process.summary_largest.p99_ms <= 50 && o.in_process.top_fans_largest.p99_ms <= 50,
    ],
    ...WINDOWS.map((name): [string, string, boolean] => {
      const w = windows[name];
      const what = name === 'range' ? `a range (${RANGE_WORDS}, computed)` : `${name} (kept)`;
      return [
        `window question over ${what}, largest artist <= 50 ms in process (p99 summary, topFans(100); ${at})`,
        w ? `${w.summary.p99_ms} ms, ${w.top_fans.p99_ms} ms` : 'not measured',
        w !== undefined && w.summary.p99_ms <= 50 && w.top_fans.p99_ms <= 50,
      ];
    }),
    [`HTTP throughput >= 80% of bare Koa (${at})`, `${(ratio * 100).toFixed(0)}%`, ratio >= 0.8],
    [
      `API resident memory <= 2 GiB (${at})`,
      `${o.http.api_memory.peak_rss_mb} MB`,
      o.http.api_memory.peak_rss_mb <= 2048,
    ],
  ];
}

/** Section 7: the size measured once, its cost in time, memory and disk, and its questions. */
function onceSection(o: OnceResult): string {
  const w = o.in_process.windows_largest ?? {};
  const limit = o.memory_limit ? `under \`--memory-limit ${o.memory_limit}\`` : 'no memory limit set';
  return `## 7. ${o.millions.toLocaleString('en-US')}M streams, once

Measured once (\`npm run bench -- --once ${o.millions}\`)${o.measured_on ? ` on ${o.measured_on}` : ''}, after the run of sections 1 to 6, on the same machine:
${o.users.toLocaleString('en-US')} users, ${o.artists.toLocaleString('en-US')} artists, \`fanbase generate --seed 1\`; the prepare ${limit}.
Disk at the peak is what the filesystem held beyond what it held when the step started (sampled every second:
DuckDB's spill files and the file being written).

| step | time | peak memory | disk at the peak | on disk after |
|---|---|---|---|---|
| generate | ${o.generate.seconds.toFixed(0)} s | ${o.generate.peak_rss_mb} MB | ${gb(o.generate.disk_peak_mb)} | exports ${gb(o.generate.exports_mb)} |
| prepare | ${o.prepare.seconds.toFixed(0)} s | ${o.prepare.peak_rss_mb} MB | ${gb(o.prepare.disk_peak_mb)} | snapshot ${gb(o.prepare.snapshot_mb)} |

Where prepare spends its time (seconds, from the data report's timings):

| step | seconds |
|---|---|
${Object.entries(o.prepare.timings ?? {})
  .map(([step, seconds]) => `| ${step} | ${seconds} |`)
  .join('\n')}

Questions on the snapshot (p50 / p99 ms), in process:

| summary, random | summary, 10 largest | topFans(100), random | topFans(100), 10 largest | topfans end to end |
|---|---|---|---|---|
| ${ms(o.in_process.summary_random)} | ${ms(o.in_process.summary_largest)} | ${ms(o.in_process.top_fans_random)} | ${ms(o.in_process.top_fans_largest)} | ${ms(o.topfans_end_to_end)} |

| 10 largest | ${WINDOWS.map((n) => (n === 'range' ? RANGE : n)).join(' | ')} |
|---|---|---|---|---|
| summary | ${WINDOWS.map((n) => (w[n] ? ms(w[n].summary) : '-')).join(' | ')} |
| topFans(100) | ${WINDOWS.map((n) => (w[n] ? ms(w[n].top_fans) : '-')).join(' | ')} |

HTTP (as section 1): the API ${o.http.api.requests_per_s} req/s, p50 / p99 ${ms(o.http.api)}; bare Koa
${o.http.bare_koa.requests_per_s} req/s, ${ms(o.http.bare_koa)}; ${((o.http.api.requests_per_s / o.http.bare_koa.requests_per_s) * 100).toFixed(0)}%; the API's resident memory ${o.http.api_memory.rss_mb} MB (peak ${o.http.api_memory.peak_rss_mb} MB).`;
}

const carriedNote = (carried: string) =>
  `**Carried from ${carried}**: not measured again in this run, which measured fanbase's own figures only.`;

/** The ClickHouse adapter over chdb (embedded ClickHouse, one node) against the DuckDB snapshot, scale by scale. */
function clickHouseSection(results: ScaleResult[]): string {
  const measured = results.filter((r) => r.clickhouse);
  if (measured.length === 0) return 'Not measured in this run (`--clickhouse none`).';
  const pair = (ch: Latency, duck: Latency) => `${ms(ch)} (DuckDB ${ms(duck)})`;
  const row = (r: ScaleResult) => {
    const c = r.clickhouse as ClickHouseResult;
    return `| ${r.millions}M | ${c.load.seconds} s (DuckDB part ${c.load.duckdb_seconds} s), ${c.load.peak_rss_mb} MB peak, ${c.load.disk_mb} MB on disk | ${r.prepare.seconds.toFixed(1)} s, ${r.prepare.peak_rss_mb} MB | ${c.every_artist_profile_seconds} s | ${pair(c.summary_random, r.in_process.summary_random)} | ${pair(c.summary_largest, r.in_process.summary_largest)} | ${pair(c.top_fans_random, r.in_process.top_fans_random)} | ${pair(c.top_fans_largest, r.in_process.top_fans_largest)} | ${c.checked_artists} |`;
  };
  return `The same questions through the ClickHouse adapter (\`--engine clickhouse\`) over chdb, ClickHouse's engine
embedded in the process: one node, the SQL a cluster runs (measured with the full run, or added to it by
\`npm run bench -- --clickhouse-only\` on the same datasets and snapshots). The load is \`fanbase prepare --engine clickhouse\`:
DuckDB reads and checks the exports as for the snapshot and writes Parquet; ClickHouse ingests it, its
materialized views building the listening tables. Each question is one ClickHouse query computed from the
listening tables (no per-fan table is prepared, so rows inserted later count at once); DuckDB answers from
the snapshot's prepared tables. The answers were held equal to the snapshot's for the artists counted in the
last column.

| streams | ClickHouse load | DuckDB prepare | every artist's profile (API start) | summary, random | summary, 10 largest | topFans(100), random | topFans(100), 10 largest | checked |
|---|---|---|---|---|---|---|---|---|
${measured.map(row).join('\n')}

When to choose ClickHouse over a DuckDB snapshot, in the light of these figures: docs/clickhouse.md.`;
}

/** For each target not met: the measured figure, the bottleneck a profile found, what would move it. */
function gaps(
  results: ScaleResult[],
  largest: ScaleResult,
  httpRatio: number,
  connections: number,
  limited: string,
  once: OnceResult | undefined,
): string {
  const parts: string[] = [];
  if (httpRatio < 0.8) {
    parts.push(`**HTTP throughput, ${(httpRatio * 100).toFixed(0)}% of bare Koa at ${largest.millions}M** (${connections} connections; target 80%).
The profile of what the API adds over the bare endpoint, and what would move it: NOTES.md, "Benchmarks".`);
  }
  if (largest.prepare.seconds > 3 * largest.groupby.seconds) {
    const t = largest.prepare.timings ?? {};
    parts.push(`**prepare, ${(largest.prepare.seconds / largest.groupby.seconds).toFixed(1)}x the plain group by at ${largest.millions}M** (target 3x). The data report's
timings (section 4) are the profile: deduplicating streams ${t['build streams_deduplicated']} s, aggregating them by
(artist, user, day) ${t['build streams_daily']} s, \`fans\` ${t['build fans']} s, keeping the standard windows
${t['keep windows']} s. What was tried and what would move it:
NOTES.md, "Benchmarks".`);
  }
  if (largest.prepare.peak_rss_mb > 4096) {
    parts.push(`**prepare peak memory, ${largest.prepare.peak_rss_mb} MB at ${largest.millions}M** (target 4 GiB, under a memory limit
DuckDB spills past; this run: ${limited}; the bench's default is \`--memory-limit 3GB\`). What would move it: NOTES.md, "Benchmarks".`);
  }
  const range = largest.in_process.windows_largest?.range;
  if (range && Math.max(range.summary.p99_ms, range.top_fans.p99_ms) > 50) {
    parts.push(`**a range of days, ${range.summary.p99_ms} ms (summary) and ${range.top_fans.p99_ms} ms (topFans(100)) p99 at ${largest.millions}M**
(target 50 ms; the standard windows, kept in the snapshot, are under it). A range is computed per question
from the artist's daily rows. What would move it: NOTES.md, "Windows".`);
  }
  const added = largest.incremental;
  if (added && added.seconds > 15) {
    const t = added.timings ?? {};
    parts.push(`**one new day, ${added.seconds.toFixed(1)} s at ${largest.millions}M** (target 15 s; answers ${added.equal ? 'equal to' : 'NOT equal to'} a full
prepare's). The profile (section 4): adding the day and scoring and ranking every fan again ${t['merge snapshot']} s,
the standard windows again ${t['keep windows']} s; both move with \`as_of\` for every fan. What would move it:
NOTES.md, "The incremental prepare".`);
  }
  const withAudience = [...results].reverse().find((r) => r.audience);
  for (const [target, measured, ok] of withAudience ? audienceTargets(withAudience) : []) {
    if (ok) continue;
    parts.push(`**${target}: ${measured}.** The figures and the API's profile under that load (section 8), and
what would move them: NOTES.md, "Benchmarks".`);
  }
  for (const [target, measured, ok] of once ? onceTargets(once) : []) {
    if (ok) continue;
    parts.push(`**${target}: ${measured}.** Measured once (section 7, with the prepare's profile); what the
figures show at that size and what would move them: NOTES.md, "Benchmarks".`);
  }
  return parts.length === 0
    ? ''
    : `### Targets not met: what the profile shows and what would move them\n\n${parts.join('\n\n')}`;
}

/** The best peer's p50 over fanbase's p50 for one question. */
function bestPeerRatio(q: PeerResults['questions'][number]): number {
  const best = Math.min(...Object.values(q.peers).map((l) => l.p50_ms));
  return best / Math.max(q.fanbase.p50_ms, 0.0001);
}

function peerSection(p: PeerResults): string {
  const names = [...new Set(p.questions.flatMap((q) => Object.keys(q.peers)))];
  const artist = (which: 'median' | 'largest') =>
    `${which} (artist ${p.artists[which].artist_id}, ${p.artists[which].total_fans} fans)`;
  const loads = p.peers
    .map((peer) => {
      const total = Object.entries(peer.load)
        .filter(([step]) => !step.includes('view variant'))
        .reduce((sum, [, s]) => sum + s, 0);
      const steps = Object.entries(peer.load)
        .map(([step, s]) => `${step} ${s} s`)
        .join(', ');
      return `| ${peer.name} ${peer.version} | ${total.toFixed(1)} s | ${steps} |`;
    })
    .join('\n');
  const rows = p.questions
    .map((q) => {
      const ours = `${ms(q.fanbase)}; ${ms(q.fanbase_query)} by a query`;
      const theirs = names.map((n) => (q.peers[n] ? `${ms(q.peers[n])} (${q.peers[n].runs})` : '-'));
      return `| ${q.question} | ${artist(q.artist)} | ${ours} | ${theirs.join(' | ')} | ${bestPeerRatio(q).toFixed(1)}x |`;
    })
    .join('\n');
  return `At ${p.millions}M streams. Each database server is started by the bench in a throwaway folder, on a
Unix socket, tuned for this machine (settings in bench/peers/postgres.ts and mariadb.ts), loaded with the
same users, streams and follows (written from the parquet exports to CSV in ${p.export_seconds} s, not counted
below), indexed for these questions with covering indexes (bench/peers/sql/), then asked both questions
with plain SQL through its Node driver as a prepared statement. PostgreSQL is asked once more from a
materialized view of per-(artist, user) aggregates. Before any timing, every variant's answers are held to
fanbase's for ${p.checked_artists} artists (summaries equal; top 100 fans equal, scores to 1e-9): they do the
same work. ${p.skipped.length > 0 ? `Skipped: ${p.skipped.join('; ')}.` : ''}

Load (fanbase's own is \`prepare\`, section 4):

| peer | load to ready | steps |
|---|---|---|
${loads}

Latency p50 / p99 in milliseconds (peers: timed runs in parentheses, bounded in time; fanbase: 500 runs).
fanbase's first figure is the library's in-memory indexes (\`summaryIndex()\`, what the API answers from,
and \`topFansIndex()\`), the second its calls that run a DuckDB query on the snapshot (\`summary()\`, and
\`topFans()\` as the \`topfans\` command runs it). The ratio is the best peer's p50 over the first figure.

| question | artist | fanbase | ${names.join(' | ')} | best peer / fanbase |
|---|---|---|${names.map(() => '---|').join('')}---|
${rows}`;
}

/** A small line chart: p50 latency (ms, log scale) against dataset size (log scale). */
function plot(results: ScaleResult[]): string {
  const series: [string, string, (r: ScaleResult) => number][] = [
    ['HTTP POST /fanbase p50', '#1f77b4', (r) => r.http.api.p50_ms],
    ['summary() in process p50', '#2ca02c', (r) => r.in_process.summary_random.p50_ms],
    ['topFans(largest, 100) p50', '#d62728', (r) => r.in_process.top_fans_largest.p50_ms],
    ['topfans end to end p50', '#9467bd', (r) => r.topfans_end_to_end.p50_ms],
    ['prepare (ms)', '#8c564b', (r) => r.prepare.seconds * 1000],
  ];
  const [w, h, left, top, right, bottom] = [640, 360, 60, 20, 200, 40];
  const xs = results.map((r) => Math.log10(r.millions));
  const all = results.flatMap((r) => series.map(([, , f]) => Math.max(f(r), 0.01)));
  const [ymin, ymax] = [Math.floor(Math.log10(Math.min(...all))), Math.ceil(Math.log10(Math.max(...all)))];
  const [xmin, xmax] = [Math.min(...xs), Math.max(...xs, Math.min(...xs) + 1)];
  const X = (x: number) => left + ((x - xmin) / (xmax - xmin)) * (w - left - right);
  const Y = (y: number) =>
    h - bottom - ((Math.log10(Math.max(y, 0.01)) - ymin) / (ymax - ymin)) * (h - top - bottom);
  const grid = Array.from({ length: ymax - ymin + 1 }, (_, i) => ymin + i)
    .map(
      (e) =>
        `<line x1="${left}" x2="${w - right}" y1="${Y(10 ** e)}" y2="${Y(10 ** e)}" stroke="#ddd"/><text x="${left - 6}" y="${Y(10 ** e) + 4}" text-anchor="end">${10 ** e}</text>`,
    )
    .join('');
  const ticks = results
    .map(
      (r) =>
        `<text x="${X(Math.log10(r.millions))}" y="${h - bottom + 16}" text-anchor="middle">${r.millions}M</text>`,
    )
    .join('');
  const lines = series
    .map(([name, color, f], i) => {
      const points = results.map((r) => `${X(Math.log10(r.millions))},${Y(f(r))}`).join(' ');
      return `<polyline fill="none" stroke="${color}" stroke-width="2" points="${points}"/>${results
        .map((r) => `<circle cx="${X(Math.log10(r.millions))}" cy="${Y(f(r))}" r="3" fill="${color}"/>`)
        .join('')}<text x="${w - right + 10}" y="${top + 14 + i * 18}" fill="${color}">${name}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" font-family="sans-serif" font-size="11" role="img">
<title>fanbase: latency and prepare time by dataset size</title>
<text x="${left}" y="12">milliseconds (log) by streams in the dataset (log)</text>
${grid}${ticks}${lines}
</svg>
`;
}
