import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { collectGarbage } from '../../../src/adapters/http/collect-garbage.js';

const Collect = suite('collectGarbage');

Collect('frees the dead objects and gives back the pages the survivors were spread over', () => {
  collectGarbage();
  const start = process.memoryUsage();
  // a load's shape: rows built, one in ten kept, every kept one on a page of dead ones
  const kept: object[] = [];
  let rows: object[] | null = [];
  for (let i = 0; i < 1_500_000; i++) {
    const row = { id: i, name: `artist ${i}`, counts: [i, i + 1] };
    if (i % 10 === 0) kept.push(row);
    else rows.push(row);
  }
  const grown = process.memoryUsage();
  rows = null;
  collectGarbage();
  const after = process.memoryUsage();
  const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
  const figures = `heap ${mb(start.heapTotal)} MB, then ${mb(grown.heapTotal)}, then ${mb(after.heapTotal)} (used ${mb(after.heapUsed)})`;
  assert.ok(grown.heapTotal - start.heapTotal > 100 * 2 ** 20, `the rows filled over 100 MB: ${figures}`);
  // a collection that only frees (V8's default compaction) keeps most pages, each holding a survivor
  assert.ok(
    after.heapTotal - start.heapTotal < 0.4 * (grown.heapTotal - start.heapTotal),
    `the pages given back: ${figures}`,
  );
  assert.is(kept.length, 150_000);
  collectGarbage(); // twice: the flag it sets for itself is set again
});

Collect.run();
