import { Counter, Histogram, Registry } from 'prom-client';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createRequestTallies, DURATION_BUCKETS } from '../../../src/adapters/http/request-tallies.js';

const Tallies = suite('request tallies');

Tallies('the request tallies read exactly as the counter and histogram of prom-client', async () => {
  const ours = new Registry();
  const tallies = createRequestTallies(ours);
  const theirs = new Registry();
  const labelNames = ['method', 'route', 'status'] as const;
  const counter = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered',
    labelNames,
    registers: [theirs],
  });
  const histogram = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from request to response',
    labelNames,
    buckets: [...DURATION_BUCKETS],
    registers: [theirs],
  });
  // durations on each bound (a bound is inside its bucket), between bounds, below the first and above the last
  const requests: [string, string, number, number][] = [
    ['POST', '/fanbase', 200, 0.0005],
    ['POST', '/fanbase', 200, 0.0003],
    ['POST', '/fanbase', 200, 0.004],
    ['POST', '/fanbase', 400, 0.01],
    ['GET', '/artists/:artist_id/audience', 200, 1],
    ['GET', '/artists/:artist_id/audience', 200, 3.5],
    ['GET', 'unmatched', 404, 0.02],
  ];
  for (const [method, route, status, seconds] of requests) {
    tallies.record(method, route, status, seconds);
    const labels = { method, route, status: String(status) };
    counter.inc(labels);
    histogram.observe(labels, seconds);
  }
  assert.is(await ours.metrics(), await theirs.metrics());
  assert.match(
    await ours.metrics(),
    /http_request_duration_seconds_bucket\{le="0.0005",method="POST",route="\/fanbase",status="200"\} 2/,
  );
  ours.resetMetrics();
  assert.not.match(await ours.metrics(), /fanbase/);
});

Tallies.run();
