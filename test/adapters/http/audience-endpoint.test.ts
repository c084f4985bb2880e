/**
 * GET /artists/{artist_id}/audience over the real server: the hand-worked audience of the edge cases (the
 * same figures as test/domain/audience.test.ts, here through the load, the engine and HTTP), the privacy
 * floor, the CLI's answer being the same, entity tags, grants and bad requests.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import * as edge from '../../../fixtures/edge-cases/expected.js';
import { NO_AUTH } from '../../../src/adapters/http/auth-config.js';
import { prepareFanbase } from '../../../src/open-fanbase.js';
import { artistBearer, readyServer, TEST_CONFIG, TEST_JWT_SECRET } from '../../support/http.js';

const ROOT = new URL('../../..', import.meta.url).pathname;
const json = async (
  url: string,
  headers: Record<string, string> = {},
  // biome-ignore lint/suspicious/noExplicitAny: a test reads any field of the answer
): Promise<{ status: number; body: any; headers: Headers }> => {
  const response = await fetch(url, { headers });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : text, headers: response.headers };
};
const sum = (xs: (number | null)[]) => xs.reduce<number>((a, b) => a + (b ?? 0), 0);

const Audience = suite('GET /artists/{artist_id}/audience');

Audience('artist 123 of the edge cases: every age group and country, summing to the 10 fans', async () => {
  const server = await readyServer();
  try {
    const { status, body, headers } = await json(`${server.url}/artists/123/audience`);
    assert.is(status, 200);
    assert.is(headers.get('cache-control'), 'private, no-cache');
    // fixtures/edge-cases/expected.ts: ages 14 17 | 18 18 | 25 26 26 | 36 41, user 4 unknown
    assert.equal(
      body.age_groups.map((g: { fans: number }) => g.fans),
      [2, 2, 3, 0, 2, 0, 0, 1],
    );
    // FR 1, 2, 11, 12; TN 9, 10; DE 3, KR 6, US 4; user 5 without a country
    assert.equal(body.countries, [
      { country: 'FR', fans: 4 },
      { country: 'TN', fans: 2 },
      { country: 'DE', fans: 1 },
      { country: 'KR', fans: 1 },
      { country: 'US', fans: 1 },
      { country: 'unknown', fans: 1 },
    ]);
    // user 1 streams on 3 days (moderate), the 9 others on one day or none (light): worked in test/domain/audience.test.ts
    assert.equal(
      body.segments.map((s: { fans: number }) => s.fans),
      [0, 1, 9],
    );
    const summary = edge.SUMMARIES.find((s) => s.artist_id === 123);
    assert.equal([body.total_fans, body.fans_median_age], [summary?.total_fans, summary?.fans_median_age]);
    assert.equal(body.window, { name: 'all', since: null, until: TEST_CONFIG.asOf });
    assert.is(body.as_of, TEST_CONFIG.asOf);
    // over 7d on the same server, after the answer over all was kept: the week's (fixtures/edge-cases/expected.ts)
    const week = (await json(`${server.url}/artists/123/audience?window=7d`)).body;
    assert.equal([week.window.name, week.total_fans], ['7d', 7]);
    assert.equal(week.activity, edge.ACTIVITY_123_7D);
    assert.equal(
      (await json(`${server.url}/artists/123/audience`)).body,
      body,
      'over all again, as first answered',
    );
    // every edge-case artist: each breakdown sums to its fans
    for (const { artist_id, total_fans } of edge.SUMMARIES) {
      const { body: a } = await json(`${server.url}/artists/${artist_id}/audience`);
      assert.is(a.total_fans, total_fans, `artist ${artist_id}`);
      assert.is(
        sum(a.age_groups.map((g: { fans: number }) => g.fans)),
        total_fans,
        `artist ${artist_id} ages`,
      );
      assert.is(
        sum(a.countries.map((c: { fans: number }) => c.fans)),
        total_fans,
        `artist ${artist_id} countries`,
      );
      assert.is(
        sum(a.segments.map((s: { fans: number }) => s.fans)),
        total_fans,
        `artist ${artist_id} segments`,
      );
      // activity: new and active sum to the fans; the months' new fans to new
      const [fresh, active] = a.activity.map((s: { fans: number }) => s.fans);
      assert.is(fresh + active, total_fans, `artist ${artist_id} activity`);
      assert.is(
        sum(a.trend.map((p: { new_fans: number }) => p.new_fans)),
        fresh,
        `artist ${artist_id} trend`,
      );
    }
  } finally {
    await server.close();
  }
});

Audience(
  'with FANBASE_MIN_FANS_FOR_DEMOGRAPHICS = 3: small buckets withheld, as fanbase audience --min-fans 3 says',
  async () => {
    const server = await readyServer({ minFansForDemographics: 3 });
    try {
      const { body } = await json(`${server.url}/artists/123/audience`);
      // 23-27 (3) alone reaches 3; the 7 others are withheld together; FR (4) alone among the countries
      assert.equal(
        body.age_groups.map((g: { fans: number | null }) => g.fans),
        [null, null, 3, null, null, null, null, null],
      );
      assert.equal(body.countries, [{ country: 'FR', fans: 4 }]);
      // tiers 0 / 1 / 9: the 1 fan withheld takes light (9) with it
      assert.equal(body.privacy, {
        min_fans: 3,
        age_groups_withheld_fans: 7,
        countries_withheld_fans: 6,
        segments_withheld_fans: 10,
        // new 10, active 0; the new fans of January, April and May (1 each) withheld (TREND_123)
        activity_withheld_fans: 0,
        trend_new_withheld_fans: 3,
      });
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [
          '--import',
          'tsx',
          'src/bin/fanbase.ts',
          'audience',
          '123',
          '--data',
          TEST_CONFIG.data as string,
          '--as-of',
          TEST_CONFIG.asOf as string,
          '--min-fans',
          '3',
          '--quiet',
        ],
        { cwd: ROOT },
      );
      assert.equal(JSON.parse(stdout), body, 'the command answers as the API');
    } finally {
      await server.close();
    }
  },
);

Audience(
  'an ETag per dataset, 304 on If-None-Match; 403 alike for an artist not granted and a missing one',
  async () => {
    const server = await readyServer({ auth: { ...NO_AUTH, jwtSecret: TEST_JWT_SECRET } });
    try {
      const bearer = await artistBearer([123]);
      assert.is((await json(`${server.url}/artists/123/audience`)).status, 401);
      const mine = await json(`${server.url}/artists/123/audience?window=7d`, bearer);
      assert.is(mine.status, 200);
      const tag = mine.headers.get('etag') as string;
      assert.is(
        (await json(`${server.url}/artists/123/audience?window=7d`, { ...bearer, 'If-None-Match': tag }))
          .status,
        304,
      );
      const other = await json(`${server.url}/artists/500/audience`, bearer);
      const missing = await json(`${server.url}/artists/999999/audience`, bearer);
      assert.equal([other.status, missing.status], [403, 403]);
      assert.equal(
        { ...other.body, detail: other.body.detail.replace('500', 'X') },
        { ...missing.body, detail: missing.body.detail.replace('999999', 'X') },
      );
    } finally {
      await server.close();
    }
  },
);

Audience('bad requests name what to fix; an artist with no fan has zeros', async () => {
  const server = await readyServer();
  try {
    for (const [query, pattern] of [
      ['limit=3', /unknown query parameter "limit": only window is accepted/],
      ['window=5d', /window must be/],
      ['window=2026-06-01..2026-07-01', /ends after as_of/],
    ] as const) {
      const { status, body } = await json(`${server.url}/artists/123/audience?${query}`);
      assert.is(status, 400, query);
      assert.match(body.detail, pattern, query);
    }
    const nobody = (await json(`${server.url}/artists/999/audience`)).body;
    assert.equal([nobody.total_fans, nobody.fans_median_age, nobody.countries], [0, null, []]);
    assert.equal(
      nobody.age_groups.map((g: { fans: number }) => g.fans),
      [0, 0, 0, 0, 0, 0, 0, 0],
    );
  } finally {
    await server.close();
  }
});

Audience('one snapshot, one tag on every server; another privacy floor, another tag', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'fanbase-tag-')), 'edge.duckdb');
  await prepareFanbase({ data: TEST_CONFIG.data, asOf: TEST_CONFIG.asOf, out });
  const tagOf = async (minFansForDemographics: number) => {
    const server = await readyServer({ data: out, minFansForDemographics });
    try {
      return (await fetch(`${server.url}/artists/123/audience`)).headers.get('etag');
    } finally {
      await server.close();
    }
  };
  const [open, again, floored] = [await tagOf(0), await tagOf(0), await tagOf(3)];
  assert.is(open, again, 'two servers of the same snapshot');
  assert.is.not(open, floored, 'the floor changes the answers, so the tag');
});

Audience.run();
