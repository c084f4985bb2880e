import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { LoadProgress } from '../../src/index.js';
import { LOAD_STEPS } from '../../src/load/load-dataset.js';
import { LoadSteps } from '../../src/load/load-progress.js';
import { openFanbase, prepareFanbase } from '../../src/open-fanbase.js';
import { FIXTURES } from '../support/duckdb.js';
import { expectFanbaseError } from '../support/expect-error.js';

const Progress = suite('load progress');
const data = join(FIXTURES, 'edge-cases/csv');

/** Every step announced is reported, in order, each numbered i of n; shares stay within 0..100. */
function assertSteps(events: LoadProgress[], names: readonly string[]) {
  const started = events.filter((e) => e.percent === null);
  assert.equal(
    started.map((e) => e.step),
    names,
  );
  assert.equal(
    started.map((e) => e.index),
    names.map((_, i) => i + 1),
  );
  for (const e of events) {
    assert.is(e.steps, names.length);
    if (e.percent !== null) assert.ok(e.percent >= 0 && e.percent <= 100, `${e.step}: ${e.percent}`);
    assert.ok(e.elapsed >= 0);
  }
  for (let i = 1; i < events.length; i++) {
    assert.ok((events[i]?.index ?? 0) >= (events[i - 1]?.index ?? 0), 'steps go forward');
    assert.ok((events[i]?.elapsed ?? 0) >= (events[i - 1]?.elapsed ?? 0), 'time goes forward');
  }
}

Progress("openFanbase on exports reports each of the load's steps; on a snapshot, none", async () => {
  assert.equal(LOAD_STEPS, [
    'read users',
    'read streams',
    'read follows',
    'build users',
    'build follows',
    'build streams_deduplicated',
    'build streams_daily',
    'build user_daily',
    'build fan_listening',
    'build user_volume',
    'build fan_scores',
    'build fans',
    'build artist_profiles',
    'check users',
    'check streams',
    'check follows',
  ]);
  const events: LoadProgress[] = [];
  const fanbase = await openFanbase({ data, asOf: '2026-06-15', onProgress: (e) => events.push(e) });
  await fanbase.close();
  assertSteps(events, LOAD_STEPS);

  const prepared: LoadProgress[] = [];
  const out = join(mkdtempSync(join(tmpdir(), 'fanbase-progress-')), 'edge.duckdb');
  await prepareFanbase({ data, asOf: '2026-06-15', out, onProgress: (e) => prepared.push(e) });
  assertSteps(prepared, [...LOAD_STEPS, 'keep windows', 'write snapshot']);

  const none: LoadProgress[] = [];
  const snapshot = await openFanbase({ data: out, onProgress: (e) => none.push(e) });
  await snapshot.close();
  assert.equal(none, []);
});

Progress('a step that was not announced is a bug, said as one: the count would lie', async () => {
  const steps = new LoadSteps(['read users'], () => {});
  await expectFanbaseError(
    () => steps.run('read nothing', async () => 1),
    'INTERNAL',
    /load step read nothing is not among the steps announced/,
  );
  assert.is(await new LoadSteps(['read users'], undefined).run('read users', async () => 7), 7);
});

Progress.run();
