/**
 * GET /artists/{artist_id}/top-fans over the real server: the hand-worked top fans of the fixtures, pages
 * that join up, the `topfans` CSV byte for byte, entity tags, per-artist grants, and bad requests.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import * as edge from '../../../fixtures/edge-cases/expected.js';
import * as rules from '../../../fixtures/rules/expected.js';
import { NO_AUTH } from '../../../src/adapters/http/auth-config.js';
import { FIXTURES } from '../../support/duckdb.js';
import { artistBearer, readyServer, TEST_CONFIG, TEST_JWT_SECRET } from '../../support/http.js';

const ROOT = new URL('../../..', import.meta.url).pathname;
const round = (x: number) => Number(x.toFixed(10));

async function get(
  url: string,
  headers: Record<string, string> = {},
  // biome-ignore lint/suspicious/noExplicitAny: a test reads any field of the answer
): Promise<{ response: Response; json: any }> {
  const response = await fetch(url, { headers });
  const text = await response.text();
  return {
    response,
    json: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text,
  };
}

const TopFans = suite('GET /artists/{artist_id}/top-fans');

TopFans('the hand-worked top fans of artist 123, as items of rank, user, country and score', async () => {
  const server = await readyServer();
  try {
    const { response, json } = await get(`${server.url}/artists/123/top-fans`);
    assert.is(response.status, 200);
    assert.is(response.headers.get('cache-control'), 'private, no-store');
    assert.match(response.headers.get('vary') ?? '', /Accept/);
    assert.equal(Object.keys(json), ['artist_id', 'window', 'items', 'next_offset']);
    assert.is(json.artist_id, 123);
    // the edge cases' as_of, no load window: every day up to as_of
    assert.equal(json.window, { name: 'all', since: null, until: TEST_CONFIG.asOf });
    // fixtures/edge-cases/expected.ts works the 6 adult, consenting fans of 123 out by hand
    assert.equal(
      json.items.map((f: { score: number }) => ({ ...f, score: round(f.score) })),
      edge.TOP_FANS_123.map(({ artist_id: _, ...fan }) => fan),
    );
    // fewer fans than the default page of 100: no next page
    assert.is(json.next_offset, null);
  } finally {
    await server.close();
  }
});

TopFans(
  'one page asked as JSON, then as CSV, then as JSON again: each answer in its own format',
  async () => {
    // the server keeps each answer once computed: the format is part of what it is kept under
    const server = await readyServer();
    try {
      const url = `${server.url}/artists/123/top-fans?limit=3`;
      const first = await get(url);
      const csv = await get(url, { Accept: 'text/csv' });
      const again = await get(url);
      assert.match(csv.response.headers.get('content-type') ?? '', /^text\/csv/);
      assert.match(csv.json, /^rank,artist_id,user_id,country,score\n1,123,/);
      assert.equal(again.json, first.json, 'the JSON page, as first answered');
      assert.is(again.json.items.length, 3);
      assert.not.equal(String(csv.json), JSON.stringify(first.json));
    } finally {
      await server.close();
    }
  },
);

TopFans(
  'explain=true: each fan with its components, as topfans --explain gives them, in JSON and CSV',
  async () => {
    const server = await readyServer();
    try {
      const url = `${server.url}/artists/123/top-fans?limit=3&explain=true`;
      const csv = await get(url, { Accept: 'text/csv' });
      // fixtures/edge-cases/expected/README.md works these components out by hand
      assert.is(
        csv.json,
        readFileSync(join(FIXTURES, 'edge-cases/expected/topfans-123-3-explain.csv'), 'utf8'),
      );
      const { json } = await get(url);
      const components = json.items.map((f: { components: Record<string, number> }) =>
        Object.fromEntries(Object.entries(f.components).map(([k, v]) => [k, Number(v.toFixed(3))])),
      );
      // user 1: listening 0.15/5.15, streams 3/28, regularity 3/11, recency 1, share 0.6, follow 1
      assert.equal(components[0], {
        listening: 0.029,
        streams: 0.107,
        regularity: 0.273,
        recency: 1,
        share: 0.6,
        follow: 1,
      });
      // user 5: 1/6, 1/26, 1/9, 0.25, 40/41, no follow
      assert.equal(components[2], {
        listening: 0.167,
        streams: 0.038,
        regularity: 0.111,
        recency: 0.25,
        share: 0.976,
        follow: 0,
      });
      // the same page without explain: no components, and kept apart from the explained one
      const plain = await get(`${server.url}/artists/123/top-fans?limit=3`);
      assert.equal(Object.keys(plain.json.items[0]), ['rank', 'user_id', 'country', 'score']);
      assert.equal(
        plain.json.items.map((f: { score: number }) => f.score),
        json.items.map((f: { score: number }) => f.score),
      );
      const bad = await get(`${server.url}/artists/123/top-fans?explain=yes`);
      assert.is(bad.response.status, 400);
      assert.match(bad.json.detail, /explain must be true or false/);
    } finally {
      await server.close();
    }
  },
);

TopFans('pages of 4 join up into the whole list, and no minor or non-consenting user is on any', async () => {
  const server = await readyServer();
  try {
    const first = (await get(`${server.url}/artists/123/top-fans?limit=4`)).json;
    assert.equal(
      first.items.map((f: { rank: number }) => f.rank),
      [1, 2, 3, 4],
    );
    assert.is(first.next_offset, 4);
    const second = (await get(`${server.url}/artists/123/top-fans?limit=4&offset=${first.next_offset}`)).json;
    // 6 fans: ranks 5 and 6, then the end
    assert.equal(
      second.items.map((f: { rank: number }) => f.rank),
      [5, 6],
    );
    assert.is(second.next_offset, null);
    const users = [...first.items, ...second.items].map((f: { user_id: number }) => f.user_id);
    assert.equal(
      users,
      edge.TOP_FANS_123.map((f) => f.user_id),
    );
    for (const user of edge.NEVER_SHOWN) assert.not.ok(users.includes(user), `user ${user} shown`);
    const past = (await get(`${server.url}/artists/123/top-fans?offset=50`)).json;
    assert.equal([past.items, past.next_offset, past.reason], [[], null, undefined]);
  } finally {
    await server.close();
  }
});

TopFans(
  'Accept: text/csv answers the bytes topfans prints for the same artist, window and count',
  async () => {
    const data = join(FIXTURES, 'rules/csv');
    const server = await readyServer({ data, asOf: rules.AS_OF });
    try {
      for (const window of ['all', ...rules.WINDOWS.map((w) => w.window)]) {
        const { response, json: body } = await get(
          `${server.url}/artists/1/top-fans?limit=10&window=${window}`,
          {
            Accept: 'text/csv',
          },
        );
        assert.is(response.status, 200);
        assert.is(response.headers.get('content-type'), 'text/csv; charset=utf-8; header=present');
        const { stdout } = await promisify(execFile)(
          process.execPath,
          [
            '--import',
            'tsx',
            'src/bin/topfans.ts',
            '--data',
            data,
            '--as-of',
            rules.AS_OF,
            '--artist_id',
            '1',
            '--nb_fans',
            '10',
            '--window',
            window,
            '--quiet',
          ],
          { cwd: ROOT },
        );
        assert.is(body, stdout, `window ${window}`);
      }
      // the hand-worked 7d and range top fan of artist 1 (fixtures/rules/expected.ts), as JSON
      for (const { window, topFans1 } of rules.WINDOWS) {
        const { json } = await get(`${server.url}/artists/1/top-fans?limit=1&window=${window}`);
        assert.equal(
          json.items.map((f: { score: number }) => ({ ...f, score: round(f.score) })),
          topFans1.map(({ artist_id: _, ...fan }) => fan),
          `window ${window}`,
        );
        assert.is(json.window.name, window);
      }
    } finally {
      await server.close();
    }
  },
);

TopFans('an entity tag per dataset and format: If-None-Match answers 304 without a body', async () => {
  const server = await readyServer();
  try {
    const url = `${server.url}/artists/123/top-fans?limit=2`;
    const json = (await get(url)).response.headers.get('etag') as string;
    const csv = (await get(url, { Accept: 'text/csv' })).response.headers.get('etag') as string;
    assert.match(json, /^"[\w-]+"$/);
    assert.is.not(json, csv);
    const again = await get(url, { 'If-None-Match': json });
    assert.is(again.response.status, 304);
    assert.is(again.json, '');
    assert.is(again.response.headers.get('etag'), json);
    // another tag (an earlier dataset) gets the answer
    assert.is((await get(url, { 'If-None-Match': '"older-json"' })).response.status, 200);
  } finally {
    await server.close();
  }
});

TopFans(
  'with authentication on: 401 without credentials, 403 alike for an artist not granted and one that does not exist',
  async () => {
    const server = await readyServer({ auth: { ...NO_AUTH, jwtSecret: TEST_JWT_SECRET } });
    try {
      const bearer = await artistBearer([123]);
      assert.is((await get(`${server.url}/artists/123/top-fans`)).response.status, 401);
      assert.is((await get(`${server.url}/artists/123/top-fans`, bearer)).response.status, 200);
      const other = await get(`${server.url}/artists/500/top-fans`, bearer);
      const missing = await get(`${server.url}/artists/999999/top-fans`, bearer);
      assert.equal([other.response.status, missing.response.status], [403, 403]);
      assert.equal(
        { ...other.json, detail: other.json.detail.replace('500', 'X') },
        { ...missing.json, detail: missing.json.detail.replace('999999', 'X') },
      );
      // no 304 before the grant: a tag does not open another artist
      const tag = (await get(`${server.url}/artists/123/top-fans`, bearer)).response.headers.get(
        'etag',
      ) as string;
      assert.is(
        (await get(`${server.url}/artists/500/top-fans`, { ...bearer, 'If-None-Match': tag })).response
          .status,
        403,
      );
    } finally {
      await server.close();
    }
  },
);

TopFans(
  'a bad request is a 400 naming the parameter, the server stays up; an unknown artist has no fans',
  async () => {
    const server = await readyServer();
    try {
      for (const [query, pattern] of [
        ['limit=0', /limit must be a whole number from 1 to 1000/],
        ['limit=1001', /limit must be a whole number from 1 to 1000/],
        ['limit=ten', /limit must be a whole number/],
        ['offset=-1', /offset must be a whole number >= 0/],
        ['limt=3', /unknown query parameter "limt"/],
        ['limit=2&limit=3', /limit is given 2 times/],
        ['window=5d', /window must be/],
        ['window=2026-06-01..2026-07-01', /ends after as_of/],
      ] as const) {
        const { response, json } = await get(`${server.url}/artists/123/top-fans?${query}`);
        assert.is(response.status, 400, query);
        assert.is(response.headers.get('content-type'), 'application/problem+json', query);
        assert.match(json.detail, pattern, query);
      }
      const bad = await get(`${server.url}/artists/x1/top-fans`);
      assert.is(bad.response.status, 400);
      assert.match(bad.json.detail, /artist_id must be a whole number/);
      const nobody = (await get(`${server.url}/artists/999999/top-fans`)).json;
      assert.equal([nobody.items, nobody.next_offset], [[], null]);
      assert.match(nobody.reason, /artist 999999 has no fans/);
      assert.is((await get(`${server.url}/artists/123/top-fans?limit=1`)).response.status, 200);
    } finally {
      await server.close();
    }
  },
);

TopFans.run();
