import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { createRequestTallies, type RequestTallies } from './request-tallies.js';

/** The API's Prometheus metrics, in a registry of its own. Dataset figures count consenting users only. */
export interface HttpMetrics {
  registry: Registry;
  /** `http_requests_total` and `http_request_duration_seconds`, by method, matched route and status. */
  requests: RequestTallies;
  loadSeconds: Gauge;
  consentingUsers: Gauge;
  artists: Gauge;
  fans: Gauge;
}

/** Creates the metrics; process metrics (memory, CPU, event loop) come with them. */
export function createMetrics(): HttpMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    requests: createRequestTallies(registry),
    loadSeconds: new Gauge({
      name: 'fanbase_dataset_load_seconds',
      help: 'Time taken to load the dataset',
      registers: [registry],
    }),
    // only what consenting users make: /metrics is open, and users who did not consent are counted nowhere
    // that leaves the process unauthenticated (the rows of the exports are in fanbase check's report)
    consentingUsers: new Gauge({
      name: 'fanbase_consenting_users',
      help: 'Users who consented to tracking: the only users any answer counts',
      registers: [registry],
    }),
    artists: new Gauge({
      name: 'fanbase_artists_with_fans',
      help: 'Artists with at least one fan',
      registers: [registry],
    }),
    fans: new Gauge({
      name: 'fanbase_fans',
      help: 'Fan relations (artist, user) loaded',
      registers: [registry],
    }),
  };
}
