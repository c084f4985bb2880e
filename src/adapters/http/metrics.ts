import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** The API's Prometheus metrics, in a registry of its own. Dataset figures count consenting users only. */
export interface HttpMetrics {
  registry: Registry;
  requests: Counter<'method' | 'route' | 'status'>;
  duration: Histogram<'method' | 'route' | 'status'>;
  loadSeconds: Gauge;
  consentingUsers: Gauge;
  artists: Gauge;
  fans: Gauge;
}

/** Creates the metrics; process metrics (memory, CPU, event loop) come with them. */
export function createMetrics(): HttpMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ['method', 'route', 'status'] as const;
  return {
    registry,
    requests: new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered',
      labelNames,
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from request to response',
      labelNames,
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    }),
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
