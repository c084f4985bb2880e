import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createMetrics } from '../../../src/adapters/http/metrics.js';

const Metrics = suite('createMetrics');

Metrics('each API gets its own registry with request, dataset and process metrics', async () => {
  const a = createMetrics();
  const b = createMetrics();
  a.requests.record('POST', '/fanbase', 200, 0.002);
  a.loadSeconds.set(1.5);
  const text = await a.registry.metrics();
  assert.match(text, /http_requests_total\{method="POST",route="\/fanbase",status="200"\} 1/);
  assert.match(text, /fanbase_dataset_load_seconds 1.5/);
  assert.match(text, /nodejs_eventloop_lag_seconds/);
  assert.not.match(await b.registry.metrics(), /status="200"\} 1/);
});

Metrics.run();
