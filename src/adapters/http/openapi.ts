/** The OpenAPI 3.1 document of the Fanbase API, served at /openapi.json. Its request schema is also what validates requests. */
export const FANBASE_REQUEST_SCHEMA = {
  type: 'object',
  required: ['artist_id'],
  additionalProperties: false,
  properties: {
    artist_id: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, examples: [123] },
  },
} as const;

const problem = {
  description: 'An RFC 9457 problem: what went wrong and what to fix.',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};

export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'Fanbase API',
    version: '0.1.0',
    description:
      "Aggregated information about an artist's fan base. Users who did not consent to tracking are never counted.",
  },
  paths: {
    '/fanbase': {
      post: {
        summary: "An artist's fan base: size, median age, top countries",
        description:
          'The body is read as JSON whatever its Content-Type (curl -d sends application/x-www-form-urlencoded).',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: FANBASE_REQUEST_SCHEMA } },
        },
        responses: {
          '200': {
            description: 'The fan base. An artist with no fan gets success false and zeros.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Fanbase' } } },
          },
          '400': problem,
          '401': {
            ...problem,
            description:
              'Authentication is on and credentials are missing or refused (WWW-Authenticate says how).',
          },
          '403': { ...problem, description: 'The credentials do not grant this artist.' },
          '405': problem,
          '408': problem,
          '413': problem,
          '415': problem,
          '429': { ...problem, description: 'Over the rate limit: Retry-After says when to try again.' },
          '503': problem,
        },
        // optional: authentication is off unless the server is configured for it
        security: [{}, { bearer: [] }, { apiKey: [] }],
      },
    },
    '/health': {
      get: {
        summary: 'Liveness: the process answers',
        responses: {
          '200': {
            description: 'Alive',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Health' } } },
          },
        },
      },
    },
    '/ready': {
      get: {
        summary: 'Readiness: the dataset is loaded and the server is not shutting down',
        responses: {
          '200': {
            description: 'Ready to answer',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Ready' } } },
          },
          '503': problem,
        },
      },
    },
    '/metrics': {
      get: {
        summary: 'Prometheus metrics',
        responses: { '200': { description: 'Prometheus text format', content: { 'text/plain': {} } } },
      },
    },
    '/openapi.json': {
      get: {
        summary: 'This document',
        responses: { '200': { description: 'OpenAPI 3.1', content: { 'application/json': {} } } },
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
      apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
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
      Problem: {
        type: 'object',
        required: ['type', 'title', 'status', 'detail'],
        properties: {
          type: { type: 'string', format: 'uri' },
          title: { type: 'string' },
          status: { type: 'integer', minimum: 400, maximum: 599 },
          detail: { type: 'string' },
        },
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
