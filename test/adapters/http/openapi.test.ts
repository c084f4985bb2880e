import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { type RulesetDefinition, Spectral } from '@stoplight/spectral-core';
import { oas } from '@stoplight/spectral-rulesets';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { SignJWT } from 'jose';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createApp } from '../../../src/adapters/http/app.js';
import { NO_AUTH } from '../../../src/adapters/http/auth-config.js';
import { createMetrics } from '../../../src/adapters/http/metrics.js';
import { OPENAPI_DOCUMENT } from '../../../src/adapters/http/openapi.js';
import { startServer } from '../../../src/adapters/http/server.js';
import { memoryLogger, rawRequest, readyServer, TEST_CONFIG } from '../../support/http.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** A real answer of the API. */
interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

interface MediaType {
  schema?: object;
}
interface ResponseObject {
  $ref?: string;
  headers?: Record<string, { $ref: string }>;
  content?: Record<string, MediaType>;
}

/** A fetch response as an Answer, its body parsed as JSON unless it is text. */
async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  const json = response.headers.get('content-type')?.includes('json');
  return { status: response.status, headers: response.headers, body: json ? JSON.parse(text) : text };
}

/** The body of a chunked answer (ASCII: chunk sizes count bytes). */
function dechunk(chunked: string): string {
  let body = '';
  for (let at = 0; ; ) {
    const line = chunked.indexOf('\r\n', at);
    const size = Number.parseInt(chunked.slice(at, line), 16);
    if (!size) return body;
    body += chunked.slice(line + 2, line + 2 + size);
    at = line + 2 + size + 2;
  }
}

/** An answer as written on the wire (a JSON body, whole or chunked), as an Answer. */
function parseAnswer(raw: string): Answer {
  const end = raw.indexOf('\r\n\r\n');
  const [statusLine = '', ...lines] = raw.slice(0, end).split('\r\n');
  const headers = new Headers(
    lines.map((line): [string, string] => [
      line.slice(0, line.indexOf(':')),
      line.slice(line.indexOf(':') + 1),
    ]),
  );
  const body = raw.slice(end + 4);
  const json = headers.get('transfer-encoding') === 'chunked' ? dechunk(body) : body;
  return { status: Number(statusLine.split(' ')[1]), headers, body: JSON.parse(json) };
}

/**
 * Checks a real answer against what the document gives for that path, method and status: the status is
 * documented, the Content-Type is one of its media types, the body fits its schema, and every header it
 * documents is there and fits its schema.
 */
function checker() {
  const ajv = addFormats(new Ajv2020({ strict: false }));
  ajv.addSchema({ ...OPENAPI_DOCUMENT, $id: 'openapi' });
  const components = OPENAPI_DOCUMENT.components as unknown as {
    responses: Record<string, ResponseObject>;
    headers: Record<string, { schema: { type?: string } }>;
  };
  const resolve = <T>(object: { $ref?: string }, from: Record<string, T>): T =>
    (object.$ref ? from[object.$ref.split('/').at(-1) ?? ''] : object) as T;
  const fits = (schema: object, value: unknown, what: string) => {
    const json = JSON.stringify(schema).replaceAll('"#/components', '"openapi#/components');
    assert.ok(
      ajv.validate(JSON.parse(json), value),
      `${what}: ${ajv.errorsText()} in ${JSON.stringify(value)}`,
    );
  };
  return (path: string, method: string, answer: Answer) => {
    const what = `${method} ${path} ${answer.status}`;
    const operation = (
      OPENAPI_DOCUMENT.paths as unknown as Record<
        string,
        Record<string, { responses: Record<string, object> }>
      >
    )[path]?.[method];
    assert.ok(operation, `${method} ${path} is documented`);
    const documented = operation?.responses[String(answer.status)];
    assert.ok(documented, `${what} is documented`);
    const response = resolve(documented ?? {}, components.responses);
    const type = answer.headers.get('content-type')?.split(';')[0] ?? '';
    if (response.content === undefined) assert.is(answer.body, '', `${what}: no body, as documented`);
    else {
      const media = response.content[type];
      assert.ok(media, `${what}: ${type} is documented`);
      if (media?.schema) fits(media.schema, answer.body, what);
    }
    for (const [name, header] of Object.entries(response.headers ?? {})) {
      const value = answer.headers.get(name);
      assert.ok(value !== null, `${what} carries ${name}`);
      const { schema } = resolve(header, components.headers);
      fits(schema, schema.type === 'integer' ? Number(value) : value, `${what} ${name}`);
    }
  };
}

const OpenApi = suite('OpenAPI document');

OpenApi('describes every real answer of the API', async () => {
  const check = checker();
  const server = await readyServer();
  try {
    for (const artist of [123, 200, 300, 999]) {
      const response = await fetch(`${server.url}/fanbase`, {
        method: 'POST',
        body: JSON.stringify({ artist_id: artist }),
      });
      check('/fanbase', 'post', await answerOf(response));
    }
    for (const body of ['{', '{"artist_id": "x"}', `{"a": "${'x'.repeat(2000)}"}`]) {
      const response = await fetch(`${server.url}/fanbase`, { method: 'POST', body });
      check('/fanbase', 'post', await answerOf(response));
    }
    const gzip = await fetch(`${server.url}/fanbase`, {
      method: 'POST',
      body: '{}',
      headers: { 'Content-Encoding': 'gzip' },
    });
    check('/fanbase', 'post', await answerOf(gzip));
    // another method on a path: documented on the path's operation
    check('/fanbase', 'post', await answerOf(await fetch(`${server.url}/fanbase`)));
    check('/health', 'get', await answerOf(await fetch(`${server.url}/health`, { method: 'POST' })));
    for (const path of ['/health', '/ready', '/openapi.json', '/metrics']) {
      check(path, 'get', await answerOf(await fetch(`${server.url}${path}`)));
    }
    const topFans = '/artists/{artist_id}/top-fans';
    for (const query of ['123/top-fans?limit=2', '999/top-fans', '123/top-fans?limit=0', 'x/top-fans']) {
      check(topFans, 'get', await answerOf(await fetch(`${server.url}/artists/${query}`)));
    }
    const audience = '/artists/{artist_id}/audience';
    for (const query of ['123/audience', '999/audience?window=28d', '123/audience?limit=3', 'x/audience']) {
      check(audience, 'get', await answerOf(await fetch(`${server.url}/artists/${query}`)));
    }
    const csv = await fetch(`${server.url}/artists/123/top-fans`, { headers: { Accept: 'text/csv' } });
    check(topFans, 'get', await answerOf(csv));
    const etag = csv.headers.get('etag') as string;
    const unchanged = await fetch(`${server.url}/artists/123/top-fans`, {
      headers: { Accept: 'text/csv', 'If-None-Match': etag },
    });
    assert.is(unchanged.status, 304);
    check(topFans, 'get', await answerOf(unchanged));
  } finally {
    await server.close();
  }
});

OpenApi('describes the answers refused before routing, on every operation', async () => {
  const check = checker();
  const server = await readyServer({ requestTimeoutMs: 500 });
  try {
    const raw = async (text: string) => parseAnswer(await rawRequest(server.url, text));
    // a malformed header (400), an Expect other than 100-continue (417), headers over 16 KiB (431)
    const refusedHeaders = ['not a header', 'Expect: something-else', `X-Big: ${'a'.repeat(20_000)}`];
    for (const [path, method] of [
      ['/fanbase', 'post'],
      ['/health', 'get'],
      ['/ready', 'get'],
      ['/metrics', 'get'],
      ['/openapi.json', 'get'],
    ] as const) {
      const statuses: number[] = [];
      for (const header of refusedHeaders) {
        const answer = await raw(`${method.toUpperCase()} ${path} HTTP/1.1\r\nHost: x\r\n${header}\r\n\r\n`);
        check(path, method, answer);
        statuses.push(answer.status);
      }
      assert.equal(statuses, [400, 417, 431]);
    }
    // not whole within REQUEST_TIMEOUT_MS: half a body, or half the headers
    const halfBody = await raw('POST /fanbase HTTP/1.1\r\nHost: x\r\nContent-Length: 20\r\n\r\n{"a');
    const halfHeaders = await raw('GET /health HTTP/1.1\r\nHost: x\r\n');
    check('/fanbase', 'post', halfBody);
    check('/health', 'get', halfHeaders);
    assert.equal([halfBody.status, halfHeaders.status], [408, 408]);
  } finally {
    await server.close();
  }
});

OpenApi('describes the answers of authentication and of the rate limit', async () => {
  const check = checker();
  const secret = 'a-test-secret-of-at-least-32-bytes!!';
  const server = await readyServer({
    auth: { ...NO_AUTH, jwtSecret: secret },
    rateLimit: { requests: 2, windowSeconds: 60, authFailures: 0 },
  });
  try {
    const token = await new SignJWT({ artists: [123] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('label-a')
      .setAudience('fanbase')
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(secret));
    const ask = async (artist: number, headers: Record<string, string>) =>
      answerOf(
        await fetch(`${server.url}/fanbase`, { method: 'POST', body: `{"artist_id": ${artist}}`, headers }),
      );
    const statuses: number[] = [];
    for (const [artist, headers] of [
      [123, {}],
      [123, { Authorization: 'Bearer not-a-token' }],
      [123, { Authorization: `Bearer ${token}` }],
      [456, { Authorization: `Bearer ${token}` }],
      [123, { Authorization: `Bearer ${token}` }],
    ] as const) {
      const answer = await ask(artist, headers);
      check('/fanbase', 'post', answer);
      statuses.push(answer.status);
    }
    assert.equal(statuses, [401, 401, 200, 403, 429]);
  } finally {
    await server.close();
  }
});

OpenApi('describes the answers while the dataset loads', async () => {
  const check = checker();
  const server = await startServer(TEST_CONFIG, memoryLogger().logger, () => new Promise(() => {}));
  try {
    const loading = await fetch(`${server.url}/fanbase`, { method: 'POST', body: '{"artist_id": 123}' });
    assert.is(loading.status, 503);
    check('/fanbase', 'post', await answerOf(loading));
    check('/ready', 'get', await answerOf(await fetch(`${server.url}/ready`)));
    check('/health', 'get', await answerOf(await fetch(`${server.url}/health`)));
  } finally {
    await server.close();
  }
});

OpenApi('describes the answers of a fault of the server', async () => {
  const check = checker();
  const metrics = createMetrics();
  metrics.registry.metrics = () => Promise.reject(new Error('a collector failed'));
  const app = createApp({
    dataset: () => {
      throw new Error('a bug');
    },
    logger: memoryLogger().logger,
    metrics,
    bodyLimit: 1024,
  });
  const server = createServer(app.callback()).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const fanbase = await answerOf(
      await fetch(`${url}/fanbase`, { method: 'POST', body: '{"artist_id": 1}' }),
    );
    const metricsAnswer = await answerOf(await fetch(`${url}/metrics`));
    check('/fanbase', 'post', fanbase);
    check('/metrics', 'get', metricsAnswer);
    assert.equal([fanbase.status, metricsAnswer.status], [500, 500]);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

OpenApi('the example of the specification fits the schema', () => {
  const ajv = addFormats(new Ajv2020({ strict: false }));
  const schema = OPENAPI_DOCUMENT.components.schemas.Fanbase;
  assert.ok(ajv.validate(schema, schema.examples[0]), ajv.errorsText());
  assert.not.ok(
    ajv.validate(schema, { ...schema.examples[0], fans_top_countries: ['TN', 'FR', 'NE', 'DE'] }),
  );
  assert.not.ok(ajv.validate(schema, { ...schema.examples[0], fans_median_age: 21.5 }));
});

/** Each finding of Redocly's `recommended` rules and of Spectral's `spectral:oas` on the document, by level. */
async function lint(): Promise<{ errors: string[]; warnings: string[] }> {
  const findings = { errors: [] as string[], warnings: [] as string[] };
  const redocly = await lintFromString({
    source: JSON.stringify(OPENAPI_DOCUMENT, null, 2),
    absoluteRef: 'openapi.json',
    config: await createConfig({ extends: ['recommended'] }),
  });
  for (const { severity, ruleId, location, message } of redocly) {
    const found = severity === 'error' ? findings.errors : findings.warnings;
    found.push(`redocly ${ruleId} ${location[0]?.pointer}: ${message}`);
  }
  const spectral = new Spectral();
  // the ruleset's inferred type does not match setRuleset's parameter, though it is one
  spectral.setRuleset(oas as RulesetDefinition);
  for (const { severity, code, path, message } of await spectral.run(OPENAPI_DOCUMENT)) {
    if (severity > 1) continue; // Spectral's info and hint levels are advice
    const pointer = path.map((part) => String(part).replaceAll('~', '~0').replaceAll('/', '~1'));
    const found = severity === 0 ? findings.errors : findings.warnings;
    found.push(`spectral ${code} #/${pointer.join('/')}: ${message}`);
  }
  return findings;
}

OpenApi(
  'Redocly (recommended) and Spectral (spectral:oas) find no error and no unexplained warning',
  async () => {
    const { errors, warnings } = await lint();
    assert.equal(errors, []);
    // the project publishes no contact (no address, no site): one would have to be invented
    assert.equal(warnings, ['spectral info-contact #/info: Info object must have "contact" object.']);
  },
);

OpenApi.run();
