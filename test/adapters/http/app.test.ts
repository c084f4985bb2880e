import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import * as edge from '../../../fixtures/edge-cases/expected.js';
import * as kAnonymity from '../../../fixtures/k-anonymity/expected.js';
import * as rowIssues from '../../../fixtures/row-issues/expected.js';
import * as rules from '../../../fixtures/rules/expected.js';
import * as sparse from '../../../fixtures/sparse/expected.js';
import { FIXTURES } from '../../support/duckdb.js';
import { postFanbase, readyServer } from '../../support/http.js';

const App = suite('Fanbase API');

App('answers every field of every edge-case artist, as worked out by hand', async () => {
  const server = await readyServer();
  try {
    for (const expected of edge.SUMMARIES) {
      const { status, headers, json } = await postFanbase(
        server.url,
        JSON.stringify({ artist_id: expected.artist_id }),
        {
          'Content-Type': 'application/json',
        },
      );
      assert.is(status, 200);
      assert.is(headers.get('content-type'), 'application/json; charset=utf-8');
      assert.equal(json, expected);
      assert.equal(Object.keys(json), [
        'success',
        'artist_id',
        'total_fans',
        'fans_median_age',
        'fans_top_countries',
      ]);
    }
  } finally {
    await server.close();
  }
});

App('with FANBASE_MIN_FANS_FOR_DEMOGRAPHICS, small fan bases get their count only', async () => {
  // artist 500 has 2 fans in the edge cases, 200 has 4: a floor of 3 withholds 500's demographics only
  const server = await readyServer({ minFansForDemographics: 3 });
  try {
    const small = await postFanbase(server.url, '{"artist_id": 500}');
    assert.equal(small.json, {
      success: true,
      artist_id: 500,
      total_fans: 2,
      fans_median_age: null,
      fans_top_countries: [],
    });
    const large = await postFanbase(server.url, '{"artist_id": 200}');
    assert.equal(
      large.json,
      edge.SUMMARIES.find((s) => s.artist_id === 200),
    );
  } finally {
    await server.close();
  }
});

App(
  'FANBASE_MIN_FANS_FOR_DEMOGRAPHICS counts the fans who have each value (fixtures/k-anonymity)',
  async () => {
    // 12 fans of whom one has a birth date and a country: neither is published at k = 10
    const server = await readyServer({
      data: `${FIXTURES}/k-anonymity/csv`,
      minFansForDemographics: kAnonymity.K,
    });
    try {
      for (const expected of kAnonymity.FLOORED) {
        const { json } = await postFanbase(server.url, JSON.stringify({ artist_id: expected.artist_id }));
        assert.equal(json, expected);
      }
    } finally {
      await server.close();
    }
  },
);

App('answers the other fixtures too', async () => {
  const rows = await readyServer({ data: `${FIXTURES}/row-issues/csv` });
  assert.equal((await postFanbase(rows.url, '{"artist_id": 10}')).json, rowIssues.SUMMARY_10);
  assert.equal((await postFanbase(rows.url, '{"artist_id": 11}')).json, rowIssues.SUMMARY_11);
  await rows.close();
  const thin = await readyServer({ data: `${FIXTURES}/sparse/csv` });
  assert.equal((await postFanbase(thin.url, '{"artist_id": 123}')).json, sparse.SUMMARY_123);
  await thin.close();
});

App("the specification's own curl command works as written (form-encoded content type)", async () => {
  const server = await readyServer();
  try {
    // curl runs in its own process while this one serves: never a synchronous spawn here
    const { stdout: out } = await promisify(execFile)('curl', [
      '-s',
      '-XPOST',
      `${server.url}/fanbase`,
      '-d',
      '{"artist_id": 123}',
    ]);
    assert.equal(JSON.parse(out), edge.SUMMARIES[0]);
    // and with no content type at all
    const { json } = await postFanbase(server.url, '{"artist_id": 123}', { 'Content-Type': '' });
    assert.equal(json, edge.SUMMARIES[0]);
  } finally {
    await server.close();
  }
});

App('every bad request gets a 4xx problem saying what to fix, and the server stays up', async () => {
  const server = await readyServer();
  const cases: [string, number, RegExp][] = [
    ['{"artist_id": 123', 400, /the body is not valid JSON/],
    ['', 400, /the body is empty: send a JSON object like \{"artist_id": 123\}/],
    ['{}', 400, /artist_id is missing/],
    ['{"artist": 123}', 400, /artist_id is missing/],
    ['{"artist_id": "123"}', 400, /artist_id must be a whole number, got the string "123"/],
    ['{"artist_id": 12.5}', 400, /artist_id must be a whole number, got 12.5/],
    ['{"artist_id": -1}', 400, /artist_id must be a whole number from 0 to 9007199254740991, got -1/],
    ['{"artist_id": 9007199254740992}', 400, /from 0 to 9007199254740991, got 9007199254740992/],
    ['{"artist_id": 1e400}', 400, /artist_id must be a whole number, got Infinity/],
    ['[123]', 400, /the body must be a JSON object, got an array/],
    ['123', 400, /the body must be a JSON object, got 123/],
    ['null', 400, /the body must be a JSON object, got null/],
    ['{"artist_id": {"id": 123}}', 400, /artist_id must be a whole number, got an object/],
    ['{"artist_id": [123]}', 400, /artist_id must be a whole number, got an array/],
    ['{"artist_id": null}', 400, /artist_id must be a whole number, got null/],
    ['{"artist_id": true}', 400, /artist_id must be a whole number, got true/],
    [
      '{"__proto__": {"x": 1}, "artist_id": 123}',
      400,
      /unknown field "__proto__": only artist_id and window are accepted/,
    ],
    ['{"artist_id": 123, "constructor": {}}', 400, /unknown field "constructor"/],
    [`{"artist_id": 123, "pad": "${'x'.repeat(2_000)}"}`, 413, /the body is over 1024 bytes/],
    ['artist_id=123', 400, /not valid JSON/],
  ];
  try {
    for (const [body, status, detail] of cases) {
      const response = await postFanbase(server.url, body);
      assert.is(response.status, status, body.slice(0, 50));
      assert.is(response.headers.get('content-type'), 'application/problem+json', body);
      assert.equal(Object.keys(response.json).sort(), ['detail', 'status', 'title', 'type']);
      assert.is(response.json.status, status);
      assert.match(response.json.type, /^urn:fanbase:problem:/);
      assert.match(response.json.detail, detail, body.slice(0, 50));
    }
    const latin1 = await fetch(`${server.url}/fanbase`, {
      method: 'POST',
      body: Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]), // {"é":1} in Latin-1
    });
    assert.is(latin1.status, 415);
    assert.match(((await latin1.json()) as { detail: string }).detail, /the body is not UTF-8/);
    const bom = await postFanbase(server.url, '\ufeff{"artist_id": 123}');
    assert.equal(bom.json, edge.SUMMARIES[0]);
    const gzip = await postFanbase(server.url, '{"artist_id": 123}', { 'Content-Encoding': 'gzip' });
    assert.is(gzip.status, 415);
    assert.match(gzip.json.detail, /send the body uncompressed/);
    // still up and right
    assert.equal((await postFanbase(server.url, '{"artist_id": 123}')).json, edge.SUMMARIES[0]);
  } finally {
    await server.close();
  }
});

App('wrong method: 405 with Allow; unknown path: 404; both as problems', async () => {
  const server = await readyServer();
  try {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
      const response = await fetch(`${server.url}/fanbase`, { method });
      assert.is(response.status, 405, method);
      assert.is(response.headers.get('allow'), 'POST');
      assert.is(response.headers.get('content-type'), 'application/problem+json');
      assert.match(
        ((await response.json()) as { detail: string }).detail,
        new RegExp(`${method} is not allowed on /fanbase: use POST`),
      );
    }
    const missing = await fetch(`${server.url}/fanbases`, { method: 'POST', body: '{"artist_id": 1}' });
    assert.is(missing.status, 404);
    assert.equal(await missing.json(), {
      type: 'urn:fanbase:problem:not-found',
      title: 'Not found',
      status: 404,
      detail: 'no resource at /fanbases: see /openapi.json',
    });
    const odd = await fetch(`${server.url}/nothing`, { method: 'PROPFIND' });
    assert.is(odd.status, 404, 'an unknown method on an unknown path is a 404, not a 405 with no Allow');
    const post = await fetch(`${server.url}/health`, { method: 'POST' });
    assert.is(post.status, 405);
    assert.match(post.headers.get('allow') ?? '', /GET/);
  } finally {
    await server.close();
  }
});

App(
  'request ids: echoed when given as a plain token, generated otherwise; logs hold no personal data',
  async () => {
    const server = await readyServer();
    try {
      const given = await fetch(`${server.url}/health`, { headers: { 'X-Request-Id': 'abc-123' } });
      assert.is(given.headers.get('x-request-id'), 'abc-123');
      const odd = await fetch(`${server.url}/health`, { headers: { 'X-Request-Id': 'a b\u00e9' } });
      assert.match(odd.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
      await postFanbase(server.url, '{"artist_id": 123}');
      await fetch(`${server.url}/fanbase?email=someone@example.com`, {
        method: 'POST',
        body: '{"artist_id": 500}',
      });
      const access = server.lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');
      assert.ok(access.length >= 4);
      for (const line of access) {
        assert.equal(Object.keys(line).sort(), [
          'duration_ms',
          'hostname',
          'level',
          'method',
          'msg',
          'path',
          'pid',
          'request_id',
          'status',
          'time',
        ]);
      }
      const all = server.lines.join('\n');
      assert.not.match(all, /someone@example.com/);
      assert.not.match(all, /artist_id": ?(123|500)/);
    } finally {
      await server.close();
    }
  },
);

App('health, ready, metrics and openapi answer', async () => {
  const server = await readyServer();
  try {
    assert.equal(await (await fetch(`${server.url}/health`)).json(), { status: 'ok' });
    assert.equal(await (await fetch(`${server.url}/ready`)).json(), {
      status: 'ready',
      as_of: '2026-06-15',
      artists: 3,
      fans: 16,
    });
    await postFanbase(server.url, '{"artist_id": 123}');
    await postFanbase(server.url, '{"artist_id": "x"}');
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    assert.match(metrics, /http_requests_total\{method="POST",route="\/fanbase",status="200"\} 1/);
    assert.match(metrics, /http_requests_total\{method="POST",route="\/fanbase",status="400"\} 1/);
    assert.match(
      metrics,
      /http_request_duration_seconds_bucket\{le="0.005",method="POST",route="\/fanbase",status="200"\}/,
    );
    assert.match(metrics, /fanbase_dataset_load_seconds \d/);
    assert.match(metrics, /fanbase_artists_with_fans 3/);
    assert.match(metrics, /fanbase_fans 16/);
    assert.match(metrics, /fanbase_consenting_users 10/);
    // the exports hold 12 users (2 did not consent) and 28 streams: neither count is published
    const dataset = metrics.split('\n').filter((line) => line.startsWith('fanbase_'));
    for (const line of dataset) assert.not.match(line, / (12|28)$/, line);
    assert.not.match(metrics, /fanbase_dataset_rows/);
    assert.match(metrics, /process_resident_memory_bytes \d+/);
    const openapi = (await (await fetch(`${server.url}/openapi.json`)).json()) as { openapi: string };
    assert.is(openapi.openapi, '3.1.0');
  } finally {
    await server.close();
  }
});

App('the dataset loaded log line counts consenting users only', async () => {
  const server = await readyServer();
  try {
    const line = server.lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'dataset loaded');
    assert.ok(line, 'a dataset loaded line');
    // edge cases: 10 of 12 users consent; their 16 fan relations over 3 artists
    assert.is(line.consenting_users, 10);
    assert.is(line.fans, 16);
    assert.is(line.artists_with_fans, 3);
    assert.not.ok('totals' in line, 'no totals of the exports (12 users, 28 streams)');
    assert.not.match(JSON.stringify(line), /"users":|"streams":|"follows":/);
  } finally {
    await server.close();
  }
});

App('every answer says nosniff; every one but the OpenAPI document says no-store', async () => {
  const server = await readyServer();
  try {
    const answers = {
      'POST /fanbase 200': await fetch(`${server.url}/fanbase`, {
        method: 'POST',
        body: '{"artist_id": 123}',
      }),
      'POST /fanbase 400': await fetch(`${server.url}/fanbase`, {
        method: 'POST',
        body: '{"artist_id": "x"}',
      }),
      'GET /fanbase 405': await fetch(`${server.url}/fanbase`),
      'GET /nope 404': await fetch(`${server.url}/nope`),
      'GET /health': await fetch(`${server.url}/health`),
      'GET /ready': await fetch(`${server.url}/ready`),
      'GET /metrics': await fetch(`${server.url}/metrics`),
    };
    for (const [what, answer] of Object.entries(answers)) {
      assert.is(answer.headers.get('x-content-type-options'), 'nosniff', what);
      assert.is(answer.headers.get('cache-control'), 'no-store', what);
    }
    const document = await fetch(`${server.url}/openapi.json`);
    assert.is(document.headers.get('x-content-type-options'), 'nosniff');
    assert.is(document.headers.get('cache-control'), 'no-cache');
  } finally {
    await server.close();
  }
});

App(
  '"window" answers over the days asked; without it, the answer of every day; a bad one is a 400',
  async () => {
    const server = await readyServer({ data: join(FIXTURES, 'rules/csv'), asOf: rules.AS_OF });
    try {
      // the hand-worked answers of fixtures/rules/expected.ts: 7d from memory, a range asked of the engine
      for (const { window, summaries } of rules.WINDOWS) {
        for (const expected of summaries) {
          const answer = await postFanbase(
            server.url,
            JSON.stringify({ artist_id: expected.artist_id, window }),
          );
          assert.is(answer.status, 200, JSON.stringify(answer.json));
          assert.equal(answer.json, expected, `${expected.artist_id} over ${window}`);
        }
      }
      for (const expected of rules.SUMMARIES) {
        const plain = await fetch(`${server.url}/fanbase`, {
          method: 'POST',
          body: JSON.stringify({ artist_id: expected.artist_id }),
        });
        const all = await fetch(`${server.url}/fanbase`, {
          method: 'POST',
          body: JSON.stringify({ artist_id: expected.artist_id, window: 'all' }),
        });
        const text = await plain.text();
        assert.equal(JSON.parse(text), expected);
        assert.is(await all.text(), text, '"all" is the body without a window, byte for byte');
      }
      const refused: [unknown, RegExp][] = [
        ['30d', /window must be "all", "7d", "28d", "12m" or a range "YYYY-MM-DD\.\.YYYY-MM-DD"/],
        [28, /window must be a string such as "28d", got 28/],
        ['2026-02-01..2026-03-01', /window 2026-02-01\.\.2026-03-01 ends after as_of \(2026-02-28\)/],
      ];
      for (const [window, message] of refused) {
        const answer = await postFanbase(server.url, JSON.stringify({ artist_id: 1, window }));
        assert.is(answer.status, 400, String(window));
        assert.match(answer.json.detail, message);
      }
      const health = await fetch(`${server.url}/health`);
      assert.is(health.status, 200, 'the process stays up');
    } finally {
      await server.close();
    }
  },
);

App.run();
