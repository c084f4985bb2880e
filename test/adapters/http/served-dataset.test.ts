import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createMetrics } from '../../../src/adapters/http/metrics.js';
import { serveDataset } from '../../../src/adapters/http/served-dataset.js';
import type { FanDataset } from '../../../src/domain/fanbase.js';
import { openFanbase } from '../../../src/open-fanbase.js';
import { memoryLogger, TEST_CONFIG } from '../../support/http.js';

const Served = suite('serveDataset');

Served('loads, reloads by swapping, keeps the old dataset when a reload fails, closes', async () => {
  const opened: FanDataset[] = [];
  let fail = false;
  const open = async (options: Parameters<typeof openFanbase>[0]) => {
    if (fail) throw new Error('the new dataset does not load');
    const fb = await openFanbase(options);
    opened.push(fb);
    return fb;
  };
  const { logger, lines } = memoryLogger();
  const served = serveDataset({
    open,
    config: TEST_CONFIG,
    metrics: createMetrics(),
    logger,
    closing: () => false,
  });
  assert.is(served.current(), null, 'nothing to answer from while loading');
  await served.ready;
  const first = served.current();
  assert.is(first?.summaries.get(123).total_fans, 10);
  await served.reload();
  assert.ok(served.current() !== first, 'a new dataset, swapped in');
  assert.is(opened.length, 2);
  // the old engine is closed once the new one is in
  const closed = await opened[0]?.summary(123).then(
    () => 'answered',
    (error: { code?: string }) => error.code,
  );
  assert.is(closed, 'CLOSED');
  fail = true;
  const kept = served.current();
  await served.reload().catch(() => {});
  assert.is(served.current(), kept, 'a failed reload keeps serving the dataset it had');
  assert.ok(lines.some((l) => l.includes('dataset reloaded')));
  await served.close();
});

Served.run();
