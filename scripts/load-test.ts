/**
 * The load test: the built API (`dist/`, production settings) on the demo dataset, under autocannon on
 * loopback, with 100 connections. Passes when no request failed (every answer 2xx, no socket error) and the
 * server's resident memory did not grow after warm-up (by more than --growth-mb).
 *   npm run load-test                       60 s, as issue 7 asks (outside CI)
 *   npm run load-test -- --duration 5       the short version CI runs
 * Bodies ask for the demo dataset's artists (ids 100-399), a tenth for unknown ids (answered 200, no fans).
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '100' },
    'growth-mb': { type: 'string', default: '64' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const allowedGrowthMb = Number(values['growth-mb']);
const ROOT = new URL('..', import.meta.url).pathname;
const PORT = 18190;
const url = `http://127.0.0.1:${PORT}`;

const log = join(mkdtempSync(join(tmpdir(), 'fanbase-load-')), 'api.log');
const out = openSync(log, 'w');
const api = spawn(process.execPath, [join(ROOT, 'dist/adapters/http/main.js')], {
  env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', FANBASE_AS_OF: '2026-07-01' },
  stdio: ['ignore', out, 'inherit'],
});
closeSync(out);
const rssMb = () =>
  Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${api.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);

try {
  for (let ready = false; !ready; ) {
    if (api.exitCode !== null) throw new Error(`the API exited with ${api.exitCode}: see ${log}`);
    ready = await fetch(`${url}/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (!ready) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const bodies = Array.from({ length: 5000 }, (_, i) =>
    JSON.stringify({ artist_id: i % 10 === 0 ? 1_000_000 + i : 100 + ((i * 7919) % 300) }),
  );
  let next = 0;
  const run = (seconds: number) =>
    autocannon({
      url: `${url}/fanbase`,
      connections,
      duration: seconds,
      requests: [
        { method: 'POST', setupRequest: (r) => ({ ...r, body: bodies[next++ % bodies.length] as string }) },
      ],
    });
  const warm = await run(Math.max(2, Math.round(duration / 6)));
  const afterWarmUp = rssMb();
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(rssMb()), 1000);
  const result = await run(duration);
  clearInterval(sampler);
  const end = rssMb();
  const failed = result.errors + result.timeouts + result.non2xx + warm.errors + warm.non2xx;
  const growth = end - afterWarmUp;
  const summary = {
    duration_s: duration,
    connections,
    requests: result.requests.total,
    requests_per_s: Math.round(result.requests.average),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    failed,
    rss_after_warm_up_mb: afterWarmUp,
    rss_peak_mb: Math.max(afterWarmUp, ...samples),
    rss_end_mb: end,
  };
  console.log(JSON.stringify(summary));
  if (failed > 0) throw new Error(`${failed} requests failed under load`);
  if (growth > allowedGrowthMb) {
    throw new Error(`resident memory grew by ${growth} MB after warm-up (allowed: ${allowedGrowthMb} MB)`);
  }
  console.log(
    `load test passed: ${summary.requests} requests, none failed, memory ${afterWarmUp} -> ${end} MB`,
  );
} finally {
  api.kill('SIGTERM');
}
