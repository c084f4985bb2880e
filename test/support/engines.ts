import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@clickhouse/client';
import { createChdbConnection } from 'chdb/connection';
import { chdbTransport } from '../../src/adapters/clickhouse/chdb-transport.js';
import { ClickHouseFanRepository } from '../../src/adapters/clickhouse/clickhouse-fan-repository.js';
import { clientTransport } from '../../src/adapters/clickhouse/client-transport.js';
import { loadExports } from '../../src/adapters/clickhouse/load-exports.js';
import { DuckDbFanRepository } from '../../src/adapters/duckdb/duckdb-fan-repository.js';
import type { FanRepository } from '../../src/domain/fan-repository.js';
import type { Settings } from '../../src/domain/settings.js';
import type { Mapping } from '../../src/load/mapping.js';

/** One way of answering: an adapter, and for ClickHouse the transport its SQL goes through. */
export interface Engine {
  name: string;
  open(dataDir: string, mapping: Mapping, settings: Settings): Promise<FanRepository>;
}

/** The embedded DuckDB adapter, the reference. */
export const DUCKDB: Engine = {
  name: 'duckdb',
  open: (dataDir, mapping, settings) => DuckDbFanRepository.open(dataDir, mapping, settings),
};

/** The ClickHouse adapter over chdb's own API: exports loaded by `loadExports`, questions asked in SQL. */
export const CLICKHOUSE_CHDB: Engine = {
  name: 'clickhouse (chdb)',
  async open(dataDir, mapping, settings) {
    const transport = await chdbTransport();
    try {
      await loadExports(transport, dataDir, mapping, settings);
    } catch (error) {
      await transport.close();
      throw error;
    }
    return ClickHouseFanRepository.open(transport, settings);
  },
};

/**
 * The ClickHouse adapter over `@clickhouse/client`, the server transport, whose connection is chdb's
 * (`chdb/connection`): the questions travel the code path they take to a server. The load goes through
 * chdb's API into the same folder (chdb's connection cannot stream Parquet inserts).
 */
export const CLICKHOUSE_CLIENT: Engine = {
  name: 'clickhouse (@clickhouse/client over chdb)',
  async open(dataDir, mapping, settings) {
    const path = mkdtempSync(join(tmpdir(), 'fanbase-chdb-'));
    try {
      const loader = await chdbTransport({ path });
      try {
        await loadExports(loader, dataDir, mapping, settings);
      } finally {
        await loader.close();
      }
      const client = createClient({ connection: createChdbConnection({ path }) as never });
      const transport = clientTransport(client, `@clickhouse/client over chdb ${path}`);
      const repository = await ClickHouseFanRepository.open(transport, settings);
      const close = repository.close.bind(repository);
      repository.close = async () => {
        await close();
        rmSync(path, { recursive: true, force: true });
      };
      return repository;
    } catch (error) {
      rmSync(path, { recursive: true, force: true });
      throw error;
    }
  },
};

export const ENGINES: Engine[] = [DUCKDB, CLICKHOUSE_CHDB, CLICKHOUSE_CLIENT];
