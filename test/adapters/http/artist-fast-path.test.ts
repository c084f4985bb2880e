/**
 * The artist's GET answers are taken before the router when their path is written exactly as the route
 * (src/adapters/http/app.ts); every other spelling the router accepts (a trailing slash, another case) goes
 * through the router to the same handlers. Both ways must answer the same: status, body and headers, for
 * good requests, bad ones and refused ones, and be counted under the same route.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { NO_AUTH } from '../../../src/adapters/http/auth-config.js';
import { artistBearer, readyServer, TEST_JWT_SECRET } from '../../support/http.js';

/** Status, body and headers, without the two that differ on every answer (its id, its date). */
async function answer(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  const kept = [...response.headers].filter(([name]) => name !== 'x-request-id' && name !== 'date');
  return { status: response.status, body: await response.text(), headers: Object.fromEntries(kept) };
}

/** The same question asked on the fast lane (`/artists/{id}/{what}`) and on the router (a trailing slash). */
const QUESTIONS: [path: string, query: string, headers?: Record<string, string>][] = [
  ['/artists/123/audience', ''],
  ['/artists/123/audience', '?window=7d'],
  ['/artists/123/audience', '?window=2026-06-01..2026-06-10'],
  ['/artists/404/audience', ''],
  ['/artists/123/top-fans', '?limit=2&offset=1'],
  ['/artists/123/top-fans', '?limit=2', { Accept: 'text/csv' }],
  ['/artists/123/top-fans', '?window=28d'],
  // bad requests: the problem names the parameter either way
  ['/artists/abc/audience', ''],
  ['/artists/123/audience', '?window=3w'],
  ['/artists/123/top-fans', '?limit=5000'],
  ['/artists/123/top-fans', '?limt=5'],
  ['/artists/123/audience', '?window=7d&window=28d'],
];

const FastPath = suite('artist GET answers before the router');

FastPath('each question answers the same on the fast lane and through the router', async () => {
  const server = await readyServer();
  try {
    for (const [path, query, headers] of QUESTIONS) {
      const fast = await answer(`${server.url}${path}${query}`, headers);
      const routed = await answer(`${server.url}${path}/${query}`, headers);
      assert.equal(fast, routed, `${path}${query}`);
      // asked again: the kept answer is the one computed
      assert.equal(await answer(`${server.url}${path}${query}`, headers), fast, `${path}${query}, again`);
    }
    // the questions above hold both outcomes: answers and problems
    const statuses = new Set<number>();
    for (const [path, query, headers] of QUESTIONS) {
      statuses.add((await answer(`${server.url}${path}${query}`, headers)).status);
    }
    assert.equal([...statuses].sort(), [200, 400]);
  } finally {
    await server.close();
  }
});

FastPath('an escaped artist id is read as the router reads it; a broken escape is a 400', async () => {
  const server = await readyServer();
  try {
    const plain = await answer(`${server.url}/artists/123/audience`);
    assert.equal(await answer(`${server.url}/artists/%31%32%33/audience`), plain);
    const broken = await answer(`${server.url}/artists/%E0%A4%A/audience`);
    assert.is(broken.status, 400);
    assert.match(broken.body, /artist_id/);
  } finally {
    await server.close();
  }
});

FastPath('grants and entity tags are checked on the fast lane as on the router', async () => {
  const server = await readyServer({ auth: { ...NO_AUTH, jwtSecret: TEST_JWT_SECRET } });
  try {
    const granted = await artistBearer([123]);
    for (const path of ['/artists/123/audience', '/artists/123/top-fans']) {
      const missing = await answer(`${server.url}${path}`);
      assert.is(missing.status, 401);
      assert.equal(missing, await answer(`${server.url}${path}/`));
      const ok = await answer(`${server.url}${path}`, granted);
      assert.is(ok.status, 200);
      const tag = ok.headers.etag as string;
      const notModified = await answer(`${server.url}${path}`, { ...granted, 'If-None-Match': tag });
      assert.is(notModified.status, 304);
      assert.equal(notModified, await answer(`${server.url}${path}/`, { ...granted, 'If-None-Match': tag }));
    }
    for (const path of ['/artists/124/audience', '/artists/99999/top-fans']) {
      const refused = await answer(`${server.url}${path}`, granted);
      assert.is(refused.status, 403);
      assert.equal(refused, await answer(`${server.url}${path}/`, granted));
    }
  } finally {
    await server.close();
  }
});

FastPath('both lanes are counted under the route, never the raw path', async () => {
  const server = await readyServer();
  try {
    await answer(`${server.url}/artists/123/audience`);
    await answer(`${server.url}/artists/123/audience/`);
    await answer(`${server.url}/artists/123/top-fans?limit=1`);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    assert.match(
      metrics,
      /http_requests_total\{method="GET",route="\/artists\/:artist_id\/audience",status="200"\} 2/,
    );
    assert.match(
      metrics,
      /http_requests_total\{method="GET",route="\/artists\/:artist_id\/top-fans",status="200"\} 1/,
    );
    assert.not.match(metrics, /route="\/artists\/123/);
  } finally {
    await server.close();
  }
});

FastPath.run();
