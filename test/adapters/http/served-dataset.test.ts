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

Served(
  'a range asked during a reload finishes on the engine it began on; named windows are in memory',
  async () => {
    const opened: FanDataset[] = [];
    // a range question held until the test lets it go, so that a reload swaps the dataset while it runs
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const open = async (options: Parameters<typeof openFanbase>[0]) => {
      const fb = await openFanbase(options);
      opened.push(fb);
      const summary = fb.summary.bind(fb);
      fb.summary = async (id, question) => {
        if (question?.window?.includes('..')) await gate;
        return summary(id, question);
      };
      return fb;
    };
    const served = serveDataset({
      open,
      config: TEST_CONFIG,
      metrics: createMetrics(),
      logger: memoryLogger().logger,
      closing: () => false,
    });
    await served.ready;
    const first = served.current();
    assert.equal([...(first?.windows.keys() ?? [])], ['7d', '28d', '12m']);
    const fb = opened[0] as FanDataset;
    for (const window of ['7d', '28d', '12m']) {
      assert.equal(first?.windows.get(window)?.summaries.get(123), await fb.summary(123, { window }), window);
    }
    const range = '2026-06-01..2026-06-15';
    const asked = first?.ask(123, range);
    const reloaded = served.reload();
    while (served.current() === first) await new Promise((resolve) => setTimeout(resolve, 10));
    // swapped while the range question runs: the old engine waits for it before closing
    release();
    const answer = await asked;
    await reloaded;
    assert.is(answer?.artist_id, 123);
    assert.equal(await served.current()?.ask(123, range), answer, 'the new engine answers the same');
    const closed = await fb.summary(123).then(
      () => 'answered',
      (error: { code?: string }) => error.code,
    );
    assert.is(closed, 'CLOSED', 'and then it closed');
    await served.close();
  },
);

Served.run();
