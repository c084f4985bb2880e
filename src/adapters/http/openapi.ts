import { VERSION } from '../../version.js';
/** The JSON Schema of a POST /fanbase body: published in the OpenAPI document, and what validates requests. */
export const FANBASE_REQUEST_SCHEMA = {
  type: 'object',
  required: ['artist_id'],
  additionalProperties: false,
  properties: {
    artist_id: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, examples: [123] },
    window: {
      type: 'string',
      description:
        'Which days count: all (the default), 7d, 28d, 12m (each ending on as_of) or YYYY-MM-DD..YYYY-MM-DD, both days included, ending at the latest on as_of. The follows made by its end count; ages are those at as_of.',
      examples: ['28d', '2026-06-01..2026-06-30'],
    },
  },
} as const;

/** A response written once under components.responses. */
const response = (name: string) => ({ $ref: `#/components/responses/${name}` });

/** A problem+json response (problem.ts) with the headers it carries, from components.headers. */
function problem(description: string, ...headers: string[]) {
  const content = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
  if (headers.length === 0) return { description, content };
  const refs = headers.map((name) => [name, { $ref: `#/components/headers/${name}` }]);
  return { description, headers: Object.fromEntries(refs), content };
}

/**
 * What any operation can answer before its handler runs: Node's HTTP server refuses the request
 * (server.ts), or the router answers another method on the path (problem-responses.ts).
 */
const BEFORE_THE_HANDLER = {
  '400': response('MalformedRequest'),
  '405': response('MethodNotAllowed'),
  '408': response('RequestTimeout'),
  '417': response('ExpectationFailed'),
  '431': response('HeadersTooLarge'),
};

/** An operation's own responses and those of BEFORE_THE_HANDLER, by status. */
function responses(own: Record<string, object>): Record<string, object> {
  return Object.fromEntries(
    Object.entries({ ...BEFORE_THE_HANDLER, ...own }).sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** The artist of the GET /artists/{artist_id}/... paths. */
const ARTIST_PATH_PARAMETER = {
  name: 'artist_id',
  in: 'path',
  required: true,
  schema: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
  example: 123,
};

/** The window of the GET /artists/{artist_id}/... paths, as POST /fanbase's body takes it. */
const WINDOW_QUERY_PARAMETER = {
  name: 'window',
  in: 'query',
  description: FANBASE_REQUEST_SCHEMA.properties.window.description,
  schema: { type: 'string', default: 'all' },
  example: '28d',
};

/** The answer to a GET whose If-None-Match names the answer it would give. */
const NOT_MODIFIED = {
  description: 'Not modified: If-None-Match named this answer, and the dataset has not changed',
  headers: { ETag: { $ref: '#/components/headers/ETag' } },
};

/** What the GET /artists/{artist_id}/... paths answer besides their 200: the checks they share. */
const ARTIST_GET_ANSWERS = {
  '304': NOT_MODIFIED,
  '400': response('InvalidRequest'),
  '401': response('Unauthenticated'),
  '403': response('Forbidden'),
  '429': response('RateLimited'),
  '500': response('InternalError'),
  '503': response('NotReady'),
};

/** The OpenAPI 3.1 document of the Fanbase API, served at /openapi.json. */
export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'Fanbase API',
    version: VERSION,
    description:
      "Aggregated information about an artist's fan base. Users who did not consent to tracking are never counted. " +
      'Errors are RFC 9457 problems (application/problem+json); a path not listed here answers 404. ' +
      'Every answer but those refused before routing carries an X-Request-Id.',
    license: { name: 'GPL-3.0-only', identifier: 'GPL-3.0-only' },
  },
  // relative: the API serves this document itself
  servers: [{ url: '/', description: 'The server that serves this document' }],
  tags: [
    { name: 'fanbase', description: "An artist's fan base, from the dataset loaded in memory" },
    {
      name: 'operations',
      description: 'Liveness, readiness, metrics and this document: open, no personal data',
    },
  ],
  paths: {
    '/fanbase': {
      post: {
        operationId: 'fanbase',
        tags: ['fanbase'],
        summary: "An artist's fan base: size, median age, top countries",
        description:
          'The body is read as JSON whatever its Content-Type (curl -d sends application/x-www-form-urlencoded). ' +
          'Credentials are needed only when the server is configured for them (then 401 and 403 apply), ' +
          'and 429 only when it has a rate limit.',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: FANBASE_REQUEST_SCHEMA } },
        },
        responses: responses({
          '200': {
            description: 'The fan base. An artist with no fan gets success false and zeros.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Fanbase' } } },
          },
          '400': response('InvalidRequest'),
          '401': response('Unauthenticated'),
          '403': response('Forbidden'),
          '413': response('PayloadTooLarge'),
          '415': response('UnsupportedEncoding'),
          '429': response('RateLimited'),
          '500': response('InternalError'),
          '503': response('NotReady'),
        }),
        // optional: authentication is off unless the server is configured for it
        security: [{}, { bearer: [] }, { apiKey: [] }],
      },
    },
    '/artists/{artist_id}/audience': {
      get: {
        operationId: 'audience',
        tags: ['fanbase'],
        summary: "An artist's audience: fans by age group and by country, past the privacy floor",
        description:
          'Consenting users only. Each breakdown sums to total_fans: the buckets shown and the fans of the ' +
          'buckets withheld (privacy). With FANBASE_MIN_FANS_FOR_DEMOGRAPHICS = k, a bucket under k fans is ' +
          'withheld, an empty one too, and the smallest shown joins them while they hold 1 to k - 1 fans in ' +
          'all; withheld countries are not named. The ETag names the dataset: If-None-Match answers 304.',
        parameters: [ARTIST_PATH_PARAMETER, WINDOW_QUERY_PARAMETER],
        responses: responses({
          '200': {
            description: 'The audience (zeros for an artist with no fan)',
            headers: { ETag: { $ref: '#/components/headers/ETag' } },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Audience' } } },
          },
          ...ARTIST_GET_ANSWERS,
        }),
        security: [{}, { bearer: [] }, { apiKey: [] }],
      },
    },
    '/artists/{artist_id}/top-fans': {
      get: {
        operationId: 'topFans',
        tags: ['fanbase'],
        summary: "A page of an artist's top fans: consenting adults, best score first",
        description:
          'Ranked as the topfans command ranks (ties by user_id), so pages are stable while the dataset is. ' +
          'With Accept: text/csv the page is the topfans CSV, the same bytes as the command prints for the same ' +
          'artist, window and count. The ETag names the dataset and the format: If-None-Match answers 304 ' +
          'until the dataset changes. Credentials are needed only when the server is configured for them.',
        parameters: [
          ARTIST_PATH_PARAMETER,
          {
            name: 'limit',
            in: 'query',
            description: 'Fans in the page, 1 to 1,000',
            schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
          },
          {
            name: 'offset',
            in: 'query',
            description: 'Fans passed over before the page: the next_offset of the page before',
            schema: { type: 'integer', minimum: 0, default: 0 },
          },
          WINDOW_QUERY_PARAMETER,
          {
            name: 'explain',
            in: 'query',
            description:
              "Each fan's score components too (JSON: components; CSV: the columns of topfans --explain)",
            schema: { type: 'boolean', default: false },
          },
        ],
        responses: responses({
          '200': {
            description: 'The page (empty past the last fan; with a reason when the artist shows no one)',
            headers: { ETag: { $ref: '#/components/headers/ETag' } },
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/TopFansPage' } },
              'text/csv': {
                schema: { type: 'string' },
                example: 'rank,artist_id,user_id,country,score\n1,123,888,"TN",0.74\n2,123,4586,"FR",0.73\n',
              },
            },
          },
          ...ARTIST_GET_ANSWERS,
        }),
        security: [{}, { bearer: [] }, { apiKey: [] }],
      },
    },
    '/health': {
      get: {
        operationId: 'health',
        tags: ['operations'],
        summary: 'Liveness: the process answers',
        description: 'Answers 200 as soon as the server listens, while the dataset loads too.',
        responses: responses({
          '200': {
            description: 'Alive',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Health' } } },
          },
        }),
        security: [],
      },
    },
    '/ready': {
      get: {
        operationId: 'ready',
        tags: ['operations'],
        summary: 'Readiness: the dataset is loaded and the server is not shutting down',
        description:
          'Answers 503 until the dataset is loaded, then 200 with what was loaded, and 503 again from the start of a shutdown.',
        responses: responses({
          '200': {
            description: 'Ready to answer',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Ready' } } },
          },
          '503': response('NotReady'),
        }),
        security: [],
      },
    },
    '/metrics': {
      get: {
        operationId: 'metrics',
        tags: ['operations'],
        summary: 'Prometheus metrics',
        description:
          'Requests and latency by route and status, dataset load time, consenting users, fans and artists with fans, process metrics. ' +
          'Open like every operation but POST /fanbase: keep it on an internal network.',
        responses: responses({
          '200': {
            description: 'Prometheus text exposition format 0.0.4',
            content: { 'text/plain': { schema: { type: 'string' } } },
          },
          // the metrics are collected on each request, and a collector can fail
          '500': response('InternalError'),
        }),
        security: [],
      },
    },
    '/openapi.json': {
      get: {
        operationId: 'openapi',
        tags: ['operations'],
        summary: 'This document',
        description: 'The OpenAPI 3.1 document of the API.',
        responses: responses({
          '200': {
            description: 'OpenAPI 3.1',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['openapi', 'info', 'paths'],
                  properties: {
                    openapi: { const: '3.1.0' },
                    info: { type: 'object' },
                    paths: { type: 'object' },
                  },
                },
              },
            },
          },
        }),
        security: [],
      },
    },
  },
  components: {
    securitySchemes: {
      bearer: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'claims: artists (ids) or scope fanbase:admin',
      },
      apiKey: {
        type: 'apiKey',
        in: 'header',
        name: 'X-API-Key',
        description: 'a static key, granted some artists or all of them',
      },
    },
    responses: {
      InvalidRequest: problem(
        'The body is not {"artist_id": N} with N a whole number from 0 to 2^53 - 1 (malformed JSON, empty, ' +
          'artist_id missing or wrong, another field), or the request is not valid HTTP/1.1: detail says what to send.',
      ),
      MalformedRequest: problem('The request is not valid HTTP/1.1 (a malformed request line or header).'),
      Unauthenticated: problem(
        'Authentication is on and credentials are missing or refused: WWW-Authenticate says how.',
        'WWW-Authenticate',
      ),
      Forbidden: problem(
        'The credentials do not grant this artist (the same answer whether the artist exists or not).',
      ),
      MethodNotAllowed: problem(
        'Not an answer to this method: every other method on this path gets it, with Allow listing the ' +
          'methods the path takes (a CONNECT request gets it too, without Allow: this is no proxy).',
        'Allow',
      ),
      RequestTimeout: problem(
        'The request (headers and body) did not arrive whole within REQUEST_TIMEOUT_MS; the connection is closed.',
      ),
      PayloadTooLarge: problem('The body is over BODY_LIMIT_BYTES.'),
      UnsupportedEncoding: problem(
        'The body is compressed (a Content-Encoding other than identity) or not UTF-8: send plain UTF-8 JSON.',
      ),
      ExpectationFailed: problem('An Expect header other than 100-continue.'),
      RateLimited: problem(
        'Over RATE_LIMIT_REQUESTS in the window, per client (token subject or API key, else address): ' +
          'Retry-After says when to try again.',
        'Retry-After',
      ),
      HeadersTooLarge: problem('The request headers are over 16 KiB.'),
      InternalError: problem(
        'A fault of the server: the detail is logged with the X-Request-Id of this answer, never sent.',
        'X-Request-Id',
      ),
      NotReady: problem(
        'The dataset is still loading, or (on /ready) the server is shutting down: Retry-After says when to try again.',
        'Retry-After',
      ),
    },
    headers: {
      Allow: {
        description: 'The methods the path takes',
        schema: { type: 'string', examples: ['POST', 'HEAD, GET'] },
      },
      ETag: {
        description: 'Names the dataset and the format of the answer: send it back as If-None-Match',
        schema: { type: 'string', pattern: '^"[A-Za-z0-9_-]+"$' },
      },
      'Retry-After': {
        description: 'Seconds to wait before trying again',
        schema: { type: 'integer', minimum: 1 },
      },
      'WWW-Authenticate': {
        description: 'The RFC 6750 challenge, with error="invalid_token" when a bearer token was refused',
        schema: { type: 'string', examples: ['Bearer realm="fanbase", error="invalid_token"'] },
      },
      'X-Request-Id': {
        description:
          "The caller's X-Request-Id when it is a plain token of up to 128 characters, else a new UUID",
        schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,128}$' },
      },
    },
    schemas: {
      Fanbase: {
        type: 'object',
        required: ['success', 'artist_id', 'total_fans', 'fans_median_age', 'fans_top_countries'],
        additionalProperties: false,
        properties: {
          success: { type: 'boolean', description: 'The artist has at least one fan' },
          artist_id: { type: 'integer', minimum: 0 },
          total_fans: { type: 'integer', minimum: 0 },
          fans_median_age: {
            type: ['integer', 'null'],
            description: 'Median age of fans with a known birth date; null when none has one',
          },
          fans_top_countries: {
            type: 'array',
            maxItems: 3,
            items: { type: 'string', pattern: '^[A-Z]{2}$' },
            description: 'Up to 3 ISO country codes, most fans first',
          },
        },
        examples: [
          {
            success: true,
            artist_id: 123,
            total_fans: 456,
            fans_median_age: 21,
            fans_top_countries: ['TN', 'FR', 'NE'],
          },
        ],
      },
      Audience: {
        type: 'object',
        required: [
          'artist_id',
          'as_of',
          'window',
          'total_fans',
          'fans_median_age',
          'age_groups',
          'countries',
          'segments',
          'activity',
          'trend',
          'privacy',
        ],
        additionalProperties: false,
        properties: {
          artist_id: { type: 'integer', minimum: 0 },
          as_of: { type: 'string', format: 'date' },
          window: { $ref: '#/components/schemas/AnswerWindow' },
          total_fans: { type: 'integer', minimum: 0 },
          fans_median_age: { type: ['integer', 'null'] },
          age_groups: {
            type: 'array',
            minItems: 8,
            maxItems: 8,
            description: 'Every group, in order; fans null when withheld',
            items: {
              type: 'object',
              required: ['group', 'fans'],
              additionalProperties: false,
              properties: {
                group: { enum: ['<18', '18-22', '23-27', '28-34', '35-44', '45-59', '60+', 'unknown'] },
                fans: { type: ['integer', 'null'], minimum: 0 },
              },
            },
          },
          countries: {
            type: 'array',
            description:
              'The countries shown, most fans first (ties by code); unknown: fans without a country',
            items: {
              type: 'object',
              required: ['country', 'fans'],
              additionalProperties: false,
              properties: {
                country: { type: 'string', pattern: '^([A-Z]{2}|unknown)$' },
                fans: { type: 'integer', minimum: 1 },
              },
            },
          },
          segments: {
            type: 'array',
            minItems: 3,
            maxItems: 3,
            description:
              'Engagement tiers, in order; fans null when withheld. super: at least 25 qualifying streams on at least 8 days (the score half points); light: one active day at most; moderate: the rest',
            items: {
              type: 'object',
              required: ['segment', 'fans'],
              additionalProperties: false,
              properties: {
                segment: { enum: ['super', 'moderate', 'light'] },
                fans: { type: ['integer', 'null'], minimum: 0 },
              },
            },
          },
          activity: {
            type: 'array',
            minItems: 3,
            maxItems: 3,
            description:
              "Activity, in order; fans null when withheld. new: the window's fans whose first stream or follow of the artist fell in it; active: its other fans, there before it (new and active sum to total_fans); lapsed: fans up to the window's end who are not fans in it",
            items: {
              type: 'object',
              required: ['segment', 'fans'],
              additionalProperties: false,
              properties: {
                segment: { enum: ['new', 'active', 'lapsed'] },
                fans: { type: ['integer', 'null'], minimum: 0 },
              },
            },
          },
          trend: {
            type: 'array',
            description:
              "Every calendar month the window touches, in order, each with its days inside the window: the window's fans with a qualifying stream in them (active_fans) and those whose first contact fell in them (new_fans, summing to activity new); null when withheld",
            items: {
              type: 'object',
              required: ['month', 'since', 'until', 'active_fans', 'new_fans'],
              additionalProperties: false,
              properties: {
                month: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
                since: { type: 'string', format: 'date' },
                until: { type: 'string', format: 'date' },
                active_fans: { type: ['integer', 'null'], minimum: 0 },
                new_fans: { type: ['integer', 'null'], minimum: 0 },
              },
            },
          },
          privacy: {
            type: 'object',
            required: [
              'min_fans',
              'age_groups_withheld_fans',
              'countries_withheld_fans',
              'segments_withheld_fans',
              'activity_withheld_fans',
              'trend_new_withheld_fans',
            ],
            additionalProperties: false,
            properties: {
              min_fans: { type: 'integer', minimum: 0, description: 'The floor k; 0: off' },
              age_groups_withheld_fans: { type: 'integer', minimum: 0 },
              countries_withheld_fans: { type: 'integer', minimum: 0 },
              segments_withheld_fans: { type: 'integer', minimum: 0 },
              activity_withheld_fans: { type: 'integer', minimum: 0 },
              trend_new_withheld_fans: { type: 'integer', minimum: 0 },
            },
          },
        },
        examples: [
          {
            artist_id: 123,
            as_of: '2026-06-15',
            window: { name: 'all', since: null, until: '2026-06-15' },
            total_fans: 10,
            fans_median_age: 25,
            age_groups: [
              { group: '<18', fans: null },
              { group: '18-22', fans: null },
              { group: '23-27', fans: 3 },
              { group: '28-34', fans: null },
              { group: '35-44', fans: null },
              { group: '45-59', fans: null },
              { group: '60+', fans: null },
              { group: 'unknown', fans: null },
            ],
            countries: [{ country: 'FR', fans: 4 }],
            segments: [
              { segment: 'super', fans: null },
              { segment: 'moderate', fans: null },
              { segment: 'light', fans: null },
            ],
            activity: [
              { segment: 'new', fans: 10 },
              { segment: 'active', fans: null },
              { segment: 'lapsed', fans: null },
            ],
            trend: [
              {
                month: '2026-01',
                since: '2026-01-01',
                until: '2026-01-31',
                active_fans: null,
                new_fans: null,
              },
              {
                month: '2026-02',
                since: '2026-02-01',
                until: '2026-02-28',
                active_fans: null,
                new_fans: null,
              },
              {
                month: '2026-03',
                since: '2026-03-01',
                until: '2026-03-31',
                active_fans: null,
                new_fans: null,
              },
              {
                month: '2026-04',
                since: '2026-04-01',
                until: '2026-04-30',
                active_fans: null,
                new_fans: null,
              },
              {
                month: '2026-05',
                since: '2026-05-01',
                until: '2026-05-31',
                active_fans: null,
                new_fans: null,
              },
              { month: '2026-06', since: '2026-06-01', until: '2026-06-15', active_fans: 8, new_fans: 7 },
            ],
            privacy: {
              min_fans: 3,
              age_groups_withheld_fans: 7,
              countries_withheld_fans: 6,
              segments_withheld_fans: 10,
              activity_withheld_fans: 0,
              trend_new_withheld_fans: 3,
            },
          },
        ],
      },
      AnswerWindow: {
        type: 'object',
        required: ['name', 'since', 'until'],
        additionalProperties: false,
        description: 'The days counted, both included; since null: from the first stream the dataset holds',
        properties: {
          name: { type: 'string' },
          since: { type: ['string', 'null'], format: 'date' },
          until: { type: 'string', format: 'date' },
        },
      },
      TopFansPage: {
        type: 'object',
        required: ['artist_id', 'window', 'items', 'next_offset'],
        additionalProperties: false,
        properties: {
          artist_id: { type: 'integer', minimum: 0 },
          window: { $ref: '#/components/schemas/AnswerWindow' },
          items: {
            type: 'array',
            maxItems: 1000,
            items: {
              type: 'object',
              required: ['rank', 'user_id', 'country', 'score'],
              additionalProperties: false,
              properties: {
                rank: { type: 'integer', minimum: 1 },
                user_id: { type: 'integer', minimum: 0 },
                country: { type: ['string', 'null'], description: 'ISO code; null when unknown' },
                score: {
                  type: 'number',
                  minimum: 0,
                  maximum: 1,
                  description: '0: not a fan, 1: die-hard fan',
                },
                components: {
                  type: 'object',
                  description:
                    'With explain=true: each component of the score, from 0 to 1 (listening null without durations)',
                  required: ['listening', 'streams', 'regularity', 'recency', 'share', 'follow'],
                  additionalProperties: false,
                  properties: Object.fromEntries(
                    ['listening', 'streams', 'regularity', 'recency', 'share', 'follow'].map((name) => [
                      name,
                      { type: name === 'listening' ? ['number', 'null'] : 'number', minimum: 0, maximum: 1 },
                    ]),
                  ),
                },
              },
            },
          },
          next_offset: {
            type: ['integer', 'null'],
            description: 'The offset of the next page; null on the last one',
          },
          reason: { type: 'string', description: 'Why the artist shows no one, on an empty first page' },
        },
        examples: [
          {
            artist_id: 123,
            window: { name: '28d', since: '2026-06-04', until: '2026-07-01' },
            items: [
              { rank: 1, user_id: 888, country: 'TN', score: 0.7370541225 },
              { rank: 2, user_id: 4586, country: 'FR', score: 0.7272331694 },
            ],
            next_offset: 2,
          },
        ],
      },
      Problem: {
        type: 'object',
        description: 'An RFC 9457 problem: what went wrong and what to fix.',
        required: ['type', 'title', 'status', 'detail'],
        properties: {
          type: { type: 'string', format: 'uri', description: 'urn:fanbase:problem: and the error code' },
          title: { type: 'string' },
          status: { type: 'integer', minimum: 400, maximum: 599 },
          detail: { type: 'string' },
        },
        examples: [
          {
            type: 'urn:fanbase:problem:invalid-request',
            title: 'Invalid request',
            status: 400,
            detail: 'artist_id is missing: send a JSON object like {"artist_id": 123}',
          },
        ],
      },
      Health: {
        type: 'object',
        required: ['status'],
        properties: { status: { const: 'ok' } },
      },
      Ready: {
        type: 'object',
        required: ['status', 'as_of', 'artists', 'fans'],
        properties: {
          status: { const: 'ready' },
          as_of: { type: 'string', format: 'date' },
          artists: { type: 'integer', minimum: 0 },
          fans: {
            type: ['integer', 'null'],
            minimum: 0,
            description:
              'Fans counted by the load; null where not counted (ClickHouse tables filled without prepare)',
          },
        },
      },
    },
  },
} as const;
