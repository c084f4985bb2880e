import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import * as edge from '../../../fixtures/edge-cases/expected.js';
import { prepareFanbase } from '../../../src/open-fanbase.js';
import { FIXTURES } from '../../support/duckdb.js';
import { readyServer } from '../../support/http.js';

const Reload = suite('reloading the dataset under load');

Reload('a snapshot replaced in place is swapped in: no request fails, none mixes old and new', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fanbase-reload-'));
  const snapshot = join(dir, 'live.duckdb');
  await prepareFanbase({ data: join(FIXTURES, 'edge-cases/csv'), out: snapshot, asOf: edge.AS_OF });
  const server = await readyServer({ data: snapshot, asOf: undefined });
  const ask = async (artist: number) => {
    const response = await fetch(`${server.url}/fanbase`, {
      method: 'POST',
      body: JSON.stringify({ artist_id: artist }),
    });
    return { status: response.status, body: await response.text() };
  };
  // the GET answers, kept once computed (the answer cache), are the dataset's too
  const audience = async () => (await fetch(`${server.url}/artists/123/audience`)).text();
  const page = async () => (await fetch(`${server.url}/artists/10/top-fans`)).text();
  try {
    const artists = [123, 200, 500];
    const before = await Promise.all(artists.map(ask));
    const [audienceBefore, pageBefore] = [await audience(), await page()];
    assert.is(await audience(), audienceBefore, 'asked again: the same answer, kept');
    // load: 8 clients asking in a loop until told to stop
    let stop = false;
    const answers: { artist: number; status: number; body: string }[] = [];
    const clients = Array.from({ length: 8 }, async (_, i) => {
      for (let n = 0; !stop; n++) {
        const artist = artists[(i + n) % artists.length] as number;
        answers.push({ artist, ...(await ask(artist)) });
      }
    });
    // a new snapshot of other exports renamed over the live one, then the reload (what SIGHUP does)
    await prepareFanbase({ data: join(FIXTURES, 'row-issues/csv'), out: snapshot, asOf: '2026-06-15' });
    await server.reload();
    const afterReload = answers.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    stop = true;
    await Promise.all(clients);
    const after = await Promise.all(artists.map(ask));

    assert.not.equal(
      after.map((a) => a.body),
      before.map((b) => b.body),
      'the new dataset answers differently',
    );
    assert.ok(afterReload > 0 && answers.length > afterReload, 'requests ran during and after the reload');
    // the edge cases' artist 123 has 10 fans, the row issues' none; artist 10 the other way round
    assert.not.equal(
      await audience(),
      audienceBefore,
      'the new dataset brings its own answers, not the kept ones',
    );
    assert.not.equal(await page(), pageBefore, 'nor its kept pages of top fans');
    assert.match(await page(), /"user_id"/);
    for (const { artist, status, body } of answers) {
      assert.is(status, 200, body);
      const index = artists.indexOf(artist);
      // every answer is wholly the old one or wholly the new one
      assert.ok(body === before[index]?.body || body === after[index]?.body, `artist ${artist}: ${body}`);
    }
    assert.ok(server.lines.some((line) => line.includes('"msg":"dataset reloaded"')));
  } finally {
    await server.close();
  }
});

Reload('a reload that fails keeps the previous dataset serving', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fanbase-reload-bad-'));
  const snapshot = join(dir, 'live.duckdb');
  await prepareFanbase({ data: join(FIXTURES, 'edge-cases/csv'), out: snapshot, asOf: edge.AS_OF });
  // the server pinned to this as_of: a snapshot prepared for another date is refused on reload
  const server = await readyServer({ data: snapshot, asOf: edge.AS_OF });
  try {
    const before = await (
      await fetch(`${server.url}/fanbase`, { method: 'POST', body: '{"artist_id":123}' })
    ).text();
    await prepareFanbase({ data: join(FIXTURES, 'edge-cases/csv'), out: snapshot, asOf: '2026-06-01' });
    let failure: unknown;
    await server.reload().catch((error) => {
      failure = error;
    });
    assert.match(String(failure), /prepared as of 2026-06-01, not 2026-06-15/);
    const response = await fetch(`${server.url}/fanbase`, { method: 'POST', body: '{"artist_id":123}' });
    assert.is(response.status, 200);
    assert.is(await response.text(), before);
  } finally {
    await server.close();
  }
});

Reload.run();
