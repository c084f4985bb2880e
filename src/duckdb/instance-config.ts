import { availableParallelism } from 'node:os';
import { invalidOptions } from '../domain/errors.js';

/** Settings of an embedded DuckDB instance a caller may give. */
export interface EngineOptions {
  /** Worker threads (default: the machine's cores). */
  threads?: number;
  /** DuckDB memory limit, e.g. `'4GB'` (default: DuckDB's, 80% of RAM). */
  memoryLimit?: string;
}

/** A size DuckDB's `memory_limit` takes: `4GB`, `512MiB`. */
export const MEMORY_SIZE = /^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i;

/**
 * The configuration every DuckDB instance of fanbase is created with: the options, checked so that a wrong
 * one is named rather than failing inside DuckDB, and extensions never installed or loaded from the network
 * (parquet, json and icu are built into the package).
 */
export function instanceConfig(options: EngineOptions = {}): Record<string, string> {
  const { threads, memoryLimit } = options;
  if (threads !== undefined && (!Number.isSafeInteger(threads) || threads < 1 || threads > 1024)) {
    throw invalidOptions(`threads must be a whole number from 1 to 1024, got ${threads}`, {
      field: 'threads',
    });
  }
  if (memoryLimit !== undefined && !MEMORY_SIZE.test(memoryLimit)) {
    throw invalidOptions(
      `memoryLimit must be a size such as '4GB' or '512MiB', got ${JSON.stringify(memoryLimit)}`,
      {
        field: 'memoryLimit',
      },
    );
  }
  const config: Record<string, string> = {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    threads: String(threads ?? availableParallelism()),
  };
  if (memoryLimit) config.memory_limit = memoryLimit;
  return config;
}
