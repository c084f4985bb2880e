import type { Metric, Registry } from 'prom-client';

/** The upper bounds, in seconds, of the request-duration histogram's buckets. */
export const DURATION_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1] as const;

/** The requests answered, by method, matched route and status: what `http_requests_total` and the histogram count. */
export interface RequestTallies {
  /** Counts one request answered in `seconds`. */
  record(method: string, route: string, status: number, seconds: number): void;
}

/** One line of the exposition: prom-client's `MetricValueWithName`. */
type Value = { labels: Record<string, string | number>; value: number; metricName?: string };
type Labels = { method: string; route: string; status: string };
interface Tally {
  labels: Labels;
  count: number;
  sum: number;
  /** requests per bucket, not cumulated: index i counts durations in (bound i-1, bound i]; the last, above */
  buckets: Float64Array;
}

/**
 * `http_requests_total` (a counter) and `http_request_duration_seconds` (a histogram), by method, route and
 * status, registered on `registry` and exposed in prom-client's own format. Counted here rather than with
 * prom-client's Counter and Histogram: each of their increments checks and hashes its labels (an object
 * sorted and joined), which cost 12-20% of the API's throughput on kept answers (NOTES.md, "The web API");
 * a request here is a Map lookup by one string, two additions and a bucket increment. The registry reads
 * the tallies on each scrape, through the metric interface prom-client's own metrics implement
 * (`get()`, `reset()`); test/adapters/http/metrics.test.ts holds the text to prom-client's.
 */
export function createRequestTallies(registry: Registry): RequestTallies {
  const tallies = new Map<string, Tally>();
  /** A metric as the registry reads it: its name, help and type, and its values on each scrape. */
  const metric = (name: string, help: string, type: 'counter' | 'histogram', values: () => Value[]) =>
    ({
      name,
      help,
      type,
      aggregator: 'sum',
      get: async () => ({ name, help, type, aggregator: 'sum', values: values() }),
      reset: () => tallies.clear(),
    }) as unknown as Metric<string>;

  registry.registerMetric(
    metric('http_requests_total', 'HTTP requests answered', 'counter', () =>
      [...tallies.values()].map((t) => ({ labels: t.labels, value: t.count })),
    ),
  );
  registry.registerMetric(
    metric('http_request_duration_seconds', 'Time from request to response', 'histogram', () => {
      const name = 'http_request_duration_seconds';
      const values: Value[] = [];
      for (const { labels, count, sum, buckets } of tallies.values()) {
        let cumulated = 0;
        DURATION_BUCKETS.forEach((bound, i) => {
          cumulated += buckets[i] as number;
          values.push({ labels: { le: bound, ...labels }, value: cumulated, metricName: `${name}_bucket` });
        });
        values.push({ labels: { le: '+Inf', ...labels }, value: count, metricName: `${name}_bucket` });
        values.push({ labels, value: sum, metricName: `${name}_sum` });
        values.push({ labels, value: count, metricName: `${name}_count` });
      }
      return values;
    }),
  );

  return {
    record(method, route, status, seconds) {
      const key = `${method} ${route} ${status}`;
      let tally = tallies.get(key);
      if (tally === undefined) {
        tally = {
          labels: { method, route, status: String(status) },
          count: 0,
          sum: 0,
          buckets: new Float64Array(DURATION_BUCKETS.length + 1),
        };
        tallies.set(key, tally);
      }
      tally.count++;
      tally.sum += seconds;
      let i = 0;
      while (i < DURATION_BUCKETS.length && seconds > (DURATION_BUCKETS[i] as number)) i++;
      tally.buckets[i] = (tally.buckets[i] as number) + 1;
    },
  };
}
