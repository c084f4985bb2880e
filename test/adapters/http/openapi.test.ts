import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { OPENAPI_DOCUMENT } from '../../../src/adapters/http/openapi.js';
import { postFanbase, readyServer } from '../../support/http.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** Validates a real response body against the schema the document gives for that path, method and status. */
function checker() {
  const ajv = addFormats(new Ajv2020({ strict: false }));
  ajv.addSchema({ ...OPENAPI_DOCUMENT, $id: 'openapi' });
  return (path: string, method: string, status: number, body: unknown) => {
    const operation = (
      OPENAPI_DOCUMENT.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>
    )[path]?.[method];
    assert.ok(operation, `${method} ${path} is documented`);
    const response = operation?.responses[String(status)] as
      | { content?: Record<string, { schema?: object }> }
      | undefined;
    assert.ok(response, `${method} ${path} documents status ${status}`);
    const [, media] = Object.entries(response?.content ?? {})[0] ?? [];
    if (!media?.schema) return;
    const schema = JSON.parse(
      JSON.stringify(media.schema).replaceAll('"#/components', '"openapi#/components'),
    );
    const valid = ajv.validate(schema, body);
    assert.ok(valid, `${method} ${path} ${status}: ${ajv.errorsText()} in ${JSON.stringify(body)}`);
  };
}

const OpenApi = suite('OpenAPI document');

OpenApi('describes every real answer of the API', async () => {
  const check = checker();
  const server = await readyServer();
  try {
    for (const artist of [123, 200, 300, 999]) {
      const { status, json } = await postFanbase(server.url, JSON.stringify({ artist_id: artist }));
      check('/fanbase', 'post', status, json);
    }
    for (const body of ['{', '{"artist_id": "x"}', `{"a": "${'x'.repeat(2000)}"}`]) {
      const { status, json } = await postFanbase(server.url, body);
      check('/fanbase', 'post', status, json);
    }
    const gzip = await postFanbase(server.url, '{}', { 'Content-Encoding': 'gzip' });
    check('/fanbase', 'post', gzip.status, gzip.json);
    const wrong = await fetch(`${server.url}/fanbase`);
    check('/fanbase', 'post', wrong.status, await wrong.json());
    for (const path of ['/health', '/ready', '/openapi.json', '/metrics']) {
      const response = await fetch(`${server.url}${path}`);
      const body = path === '/metrics' ? await response.text() : await response.json();
      check(path, 'get', response.status, body);
    }
  } finally {
    await server.close();
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

OpenApi.run();
