/**
 * The audience's and the top-fans pages' targets at one scale (`npm run bench -- --audience-only`): in
 * process, `audience(artist, { window })` and `topFans(artist, 100, { window, offset })` on the snapshot, for
 * weighted-random artists and the ten largest, over each standard window; over HTTP, `GET
 * /artists/{id}/audience` and `GET /artists/{id}/top-fans?limit=100` on the API against a bare Koa endpoint
 * answering a body of the same size (the mean of the API's bodies over the same paths), and the API's memory;
 * then the same paths on an API with its answer cache off (`FANBASE_ANSWER_CACHE_MB=0`): every request a
 * question to the engine, as the first ask of each answer is.
 */
import { join } from 'node:path';
import autocannon from 'autocannon';
import { openFanbase } from '../../src/open-fanbase.js';
import { rssMb, startProcess } from '../processes.js';

const ROOT = new URL('../..', import.meta.url).pathname;
/** The windows every question is asked over: the standard ones the snapshot keeps, and `all`. */
export const AUDIENCE_WINDOWS = ['all', '7d', '28d', '12m'] as const;

export interface Latency {
  p50_ms: number;
  p99_ms: number;
}
export interface GetLoad {
  requests_per_s: number;
  p50_ms: number;
  p99_ms: number;
  errors: number;
}
/** What one scale measures: per window, in process; per endpoint, over HTTP; the API's memory. */
export interface AudienceResult {
  in_process: Record<
    string,
    {
      audience_random: Latency;
      audience_largest: Latency;
      top_fans_page_random: Latency;
      top_fans_page_largest: Latency;
    }
  >;
  http: Record<
    'audience' | 'top_fans',
    { api: GetLoad; bare_koa: GetLoad; body_bytes: number; api_uncached?: GetLoad }
  >;
  api_memory: { rss_mb: number; peak_rss_mb: number };
}

export interface AudienceOptions {
  snapshot: string;
  /** weighted-random artists (as the generator draws them) and the ten largest */
  random: number[];
  largest: number[];
  runs: number;
  duration: number;
  connections: number;
  rounds: number;
  work: string;
  log: (...parts: unknown[]) => void;
}

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
};
const round = (x: number) => Math.round(x * 100) / 100;
const stats = (xs: number[]): Latency => ({
  p50_ms: round(percentile(xs, 0.5)),
  p99_ms: round(percentile(xs, 0.99)),
});

async function time(f: () => Promise<unknown>, n: number): Promise<Latency> {
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await f();
    xs.push(performance.now() - t);
  }
  return stats(xs);
}

export async function measureAudience(o: AudienceOptions): Promise<AudienceResult> {
  const pickFrom = (xs: number[]) => () => xs[Math.floor(Math.random() * xs.length)] as number;
  const [any, big] = [pickFrom(o.random), pickFrom(o.largest)];
  // a page of 100 anywhere in the first 1,000 fans (a dashboard pages on)
  const offset = () => 100 * Math.floor(Math.random() * 10);
  const fb = await openFanbase({ data: o.snapshot });
  const inProcess: AudienceResult['in_process'] = {};
  try {
    for (const window of AUDIENCE_WINDOWS) {
      for (const a of o.random.slice(0, 30)) await fb.audience(a, { window }); // warm-up
      inProcess[window] = {
        audience_random: await time(() => fb.audience(any(), { window }), o.runs),
        audience_largest: await time(() => fb.audience(big(), { window }), o.runs),
        top_fans_page_random: await time(() => fb.topFans(any(), 100, { window, offset: offset() }), o.runs),
        top_fans_page_largest: await time(() => fb.topFans(big(), 100, { window, offset: offset() }), o.runs),
      };
      o.log(`audience in process, ${window}`, JSON.stringify(inProcess[window]));
    }
  } finally {
    await fb.close();
  }

  const api = await startProcess(
    [join(ROOT, 'dist/bin/api.js')],
    { PORT: '18191', FANBASE_DATA: o.snapshot, HOST: '127.0.0.1' },
    'http://127.0.0.1:18191/ready',
    join(o.work, 'audience-api.log'),
  );
  const http: Partial<AudienceResult['http']> = {};
  const artists = o.random.slice(0, 1000);
  const paths = {
    audience: artists.map((a, i) => `/artists/${a}/audience?window=${AUDIENCE_WINDOWS[i % 4]}`),
    top_fans: artists.map((a, i) => `/artists/${a}/top-fans?limit=100&window=${AUDIENCE_WINDOWS[i % 4]}`),
  };
  try {
    for (const endpoint of ['audience', 'top_fans'] as const) {
      let bytes = 0;
      for (const path of paths[endpoint]) {
        const response = await fetch(`http://127.0.0.1:18191${path}`);
        if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
        bytes += (await response.arrayBuffer()).byteLength;
      }
      const bodyBytes = Math.round(bytes / paths[endpoint].length);
      const bare = await startProcess(
        ['--import', 'tsx', join(ROOT, 'bench/bare-koa.ts')],
        { PORT: '18192', BODY_BYTES: String(bodyBytes) },
        'http://127.0.0.1:18192/ready',
        join(o.work, 'audience-bare-koa.log'),
      );
      try {
        const apiRuns: GetLoad[] = [];
        const bareRuns: GetLoad[] = [];
        await load('http://127.0.0.1:18191', paths[endpoint].slice(0, 200), o, 2); // warm-up
        await load('http://127.0.0.1:18192', paths[endpoint].slice(0, 200), o, 2);
        for (let r = 0; r < o.rounds; r++) {
          apiRuns.push(await load('http://127.0.0.1:18191', paths[endpoint], o));
          bareRuns.push(await load('http://127.0.0.1:18192', paths[endpoint], o));
        }
        const median = (runs: GetLoad[]) =>
          [...runs].sort((a, b) => a.requests_per_s - b.requests_per_s)[
            Math.floor(runs.length / 2)
          ] as GetLoad;
        http[endpoint] = { api: median(apiRuns), bare_koa: median(bareRuns), body_bytes: bodyBytes };
        o.log(`audience HTTP, ${endpoint}`, JSON.stringify(http[endpoint]));
      } finally {
        bare.kill('SIGTERM');
      }
    }
    const apiMemory = rssMb(api.pid as number);
    api.kill('SIGTERM');
    // the same paths with the answer cache off: every request asks the engine (the first ask of each answer)
    const uncached = await startProcess(
      [join(ROOT, 'dist/bin/api.js')],
      { PORT: '18193', FANBASE_DATA: o.snapshot, HOST: '127.0.0.1', FANBASE_ANSWER_CACHE_MB: '0' },
      'http://127.0.0.1:18193/ready',
      join(o.work, 'audience-api-uncached.log'),
    );
    try {
      for (const endpoint of ['audience', 'top_fans'] as const) {
        const measured = http[endpoint] as AudienceResult['http']['audience'];
        measured.api_uncached = await load('http://127.0.0.1:18193', paths[endpoint], o);
        o.log(`audience HTTP, ${endpoint}, no answer cache`, JSON.stringify(measured.api_uncached));
      }
    } finally {
      uncached.kill('SIGTERM');
    }
    return { in_process: inProcess, http: http as AudienceResult['http'], api_memory: apiMemory };
  } finally {
    api.kill('SIGTERM');
  }
}

async function load(
  base: string,
  paths: string[],
  o: AudienceOptions,
  seconds = o.duration,
): Promise<GetLoad> {
  let i = 0;
  const result = await autocannon({
    url: base,
    connections: o.connections,
    duration: seconds,
    requests: [
      { method: 'GET', setupRequest: (request) => ({ ...request, path: paths[i++ % paths.length] }) },
    ],
  });
  return {
    requests_per_s: Math.round(result.requests.average),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}
