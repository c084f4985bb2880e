export { type ChdbOptions, chdbTransport } from './adapters/clickhouse/chdb-transport.js';
export { ClickHouseFanRepository } from './adapters/clickhouse/clickhouse-fan-repository.js';
export {
  type ClickHouseServerOptions,
  clientTransport,
  serverTransport,
} from './adapters/clickhouse/client-transport.js';
export { loadExports } from './adapters/clickhouse/load-exports.js';
export { createSchema } from './adapters/clickhouse/schema.js';
export type { ClickHouseTransport, QueryParams } from './adapters/clickhouse/transport.js';
export * from './domain/age.js';
export * from './domain/answers.js';
export * from './domain/calendar-date.js';
export * from './domain/countries.js';
export * from './domain/data-contract.js';
export * from './domain/data-policies.js';
export * from './domain/data-report.js';
export * from './domain/describe-value.js';
export * from './domain/errors.js';
export * from './domain/fan-repository.js';
export * from './domain/fanbase.js';
export * from './domain/majority.js';
export * from './domain/median.js';
export * from './domain/policy.js';
export * from './domain/privacy.js';
export * from './domain/question-inputs.js';
export * from './domain/repository-rows.js';
export * from './domain/score.js';
export * from './domain/settings.js';
export * from './domain/summary.js';
export * from './domain/summary-index.js';
export * from './domain/time-window.js';
export * from './domain/top-countries.js';
export * from './domain/top-fans-index.js';
export * from './domain/why-no-top-fans.js';
export * from './engine-config.js';
export type { LoadOptions, LoadProgress, OnLoadProgress } from './load/load-progress.js';
export * from './load/mapping.js';
export * from './open-fanbase.js';
