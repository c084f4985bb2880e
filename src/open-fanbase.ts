import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chdbTransport } from './adapters/clickhouse/chdb-transport.js';
import { ClickHouseFanRepository } from './adapters/clickhouse/clickhouse-fan-repository.js';
import { serverTransport } from './adapters/clickhouse/client-transport.js';
import { loadExports } from './adapters/clickhouse/load-exports.js';
import { schemaSettings } from './adapters/clickhouse/schema.js';
import type { ClickHouseTransport } from './adapters/clickhouse/transport.js';
import { DuckDbFanRepository, type DuckDbOptions } from './adapters/duckdb/duckdb-fan-repository.js';
import type { DataReport, PrepareOutcome } from './domain/data-report.js';
import { type FanbaseError, invalidArgument, invalidOptions } from './domain/errors.js';
import { createFanbase, type FanDataset, type PrivacyOptions } from './domain/fanbase.js';
import { parseMinFans } from './domain/privacy.js';
import { resolveSettings, type Settings, type SettingsOptions } from './domain/settings.js';
import type { ClickHouseAddress, EngineName } from './engine-config.js';
import { checkDataFolder } from './load/data-folder.js';
import type { LoadOptions } from './load/load-progress.js';
import { checkMapping, type Mapping, readMappingFile } from './load/mapping.js';

/** The bundled demo dataset, the default data. */
export const DEMO_DATA_DIR: string = fileURLToPath(new URL('../fixtures/demo/', import.meta.url));

/** Name of the mapping file picked up from a data folder when no mapping is given. */
export const MAPPING_FILE_NAME = 'fanbase.json';

/** What `openFanbase` takes: where the exports are, how to read them, and the settings of the answers. */
export interface OpenFanbaseOptions extends SettingsOptions, DuckDbOptions, PrivacyOptions, LoadOptions {
  /** Folder of the exports (users, streams, follows), or a prepared snapshot (`*.duckdb`). Default: the demo dataset. */
  data?: string;
  /** A mapping file path or object; default `<data>/fanbase.json` when that file exists. */
  mapping?: string | Mapping;
  /** `duckdb` (default): the exports in `data`, in this process. `clickhouse`: the tables at `clickhouse.url`. */
  engine?: EngineName;
  /** Where ClickHouse is, for `engine: 'clickhouse'`. */
  clickhouse?: ClickHouseAddress;
}

/**
 * Loads a dataset and returns its questions (a `FanDataset`): `summary`, `topFans`, `report`, `close`. Values out are plain
 * numbers and strings.
 *
 * @example
 * const fb = await openFanbase({ data: 'exports/', asOf: '2026-06-15' });
 * console.log(await fb.summary(123), await fb.topFans(123, 3));
 * await fb.close();
 */
export async function openFanbase(options: OpenFanbaseOptions = {}): Promise<FanDataset> {
  // every option is checked once, here, before any data is read or any connection made; the values go on
  const privacy = {
    minFansForDemographics: parseMinFans(options.minFansForDemographics ?? 0, 'minFansForDemographics'),
  };
  const data = resolve(options.data ?? DEMO_DATA_DIR);
  if (options.engine !== 'clickhouse' && isSnapshot(data)) {
    const { repository, settings } = await DuckDbFanRepository.openSnapshot(data, options);
    try {
      checkSnapshotOptions(data, settings, options);
    } catch (error) {
      await repository.close();
      throw error;
    }
    return createFanbase(repository, settings, privacy);
  }
  const asked = resolveSettings(options);
  if (options.engine === 'clickhouse') {
    const transport = await clickHouseTransport(options);
    let settings: Settings;
    try {
      settings = await clickHouseSettings(transport, asked, options);
    } catch (error) {
      await transport.close();
      throw error;
    }
    const repository = await ClickHouseFanRepository.open(transport, settings);
    return createFanbase(repository, settings, privacy);
  }
  checkDataFolder(data, true);
  const mapping = resolveMapping(options.mapping, data);
  const repository = await DuckDbFanRepository.open(data, mapping, asked, options);
  return createFanbase(repository, asked, privacy);
}

/** What `prepareFanbase` takes: the options of `openFanbase`, and where to write the snapshot. */
export interface PrepareFanbaseOptions extends OpenFanbaseOptions {
  /** The snapshot file to write, `*.duckdb`; replaced atomically. Not for `engine: 'clickhouse'`. */
  out?: string;
}

/** Loads the exports into ClickHouse's (empty) source tables, creating the schema where it is missing. */
async function prepareClickHouse(options: PrepareFanbaseOptions): Promise<DataReport> {
  if (options.out !== undefined) {
    throw invalidArgument(
      'out is for the duckdb engine: with clickhouse, prepare loads the exports into the ClickHouse tables',
      { field: 'out' },
    );
  }
  const asked = resolveSettings(options); // a bad option fails before any connection
  const data = resolve(options.data ?? DEMO_DATA_DIR);
  checkDataFolder(data, false);
  // a load runs as long as the exports take: no query timeout unless one is asked for
  const transport = await clickHouseTransport({ ...options, queryTimeoutMs: options.queryTimeoutMs ?? 0 });
  try {
    const settings = await clickHouseSettings(transport, asked, options);
    return await loadExports(
      transport,
      data,
      resolveMapping(options.mapping, data),
      settings,
      options.onProgress,
    );
  } finally {
    await transport.close();
  }
}

/** The settings asked for, `fan.minMsPlayed` (unless given) the one the ClickHouse tables count with. */
async function clickHouseSettings(
  transport: ClickHouseTransport,
  asked: Settings,
  options: OpenFanbaseOptions,
): Promise<Settings> {
  // no schema yet (a first prepare creates it): the options' threshold
  const schema = await schemaSettings(transport).catch((error: FanbaseError) => {
    if (error.code === 'DATA_NOT_FOUND') return undefined;
    throw error;
  });
  const counted = schema?.minMsPlayed;
  if (counted === undefined || options.fan?.minMsPlayed !== undefined) return asked;
  return { ...asked, fan: { ...asked.fan, minMsPlayed: counted } };
}

/** The transport to the ClickHouse of the options: chdb for `chdb:<folder>`, else a server's client. */
async function clickHouseTransport(options: OpenFanbaseOptions): Promise<ClickHouseTransport> {
  const connection = options.clickhouse;
  if (connection === undefined) {
    throw invalidOptions('engine clickhouse needs clickhouse: { url }', {
      field: 'clickhouse',
    });
  }
  if (connection.url.startsWith('chdb:')) {
    return chdbTransport({ path: resolve(connection.url.slice(5)), queryTimeoutMs: options.queryTimeoutMs });
  }
  return serverTransport({ ...connection, queryTimeoutMs: options.queryTimeoutMs });
}

/**
 * Loads and checks the exports once and writes a snapshot: a DuckDB file with the aggregates every
 * answer needs, the settings and the data report. `openFanbase({ data: 'x.duckdb' })`, the API and
 * `topfans --data x.duckdb` open it read-only, without loading the exports again.
 */
export async function prepareFanbase(
  options: PrepareFanbaseOptions,
): Promise<DataReport & { prepare?: PrepareOutcome }> {
  if (options.engine === 'clickhouse') return prepareClickHouse(options);
  if (options.out === undefined) {
    throw invalidArgument('out is required: the snapshot file to write (*.duckdb)', {
      field: 'out',
    });
  }
  const out = resolve(options.out);
  if (!out.endsWith(SNAPSHOT_EXTENSION)) {
    throw invalidArgument(`out ${options.out}: a snapshot file name ends with ${SNAPSHOT_EXTENSION}`, {
      field: 'out',
    });
  }
  const settings = resolveSettings(options);
  const data = resolve(options.data ?? DEMO_DATA_DIR);
  if (isSnapshot(data)) {
    throw invalidArgument(`data ${options.data}: prepare reads exports, not a snapshot`, {
      field: 'data',
    });
  }
  checkDataFolder(data, false);
  return DuckDbFanRepository.prepare(data, resolveMapping(options.mapping, data), settings, out, options);
}

const SNAPSHOT_EXTENSION = '.duckdb';

function isSnapshot(path: string): boolean {
  return path.endsWith(SNAPSHOT_EXTENSION) && existsSync(path) && statSync(path).isFile();
}

/** A snapshot's answers are fixed when it is prepared: options asking for others are refused, not ignored. */
function checkSnapshotOptions(file: string, settings: Settings, options: OpenFanbaseOptions): void {
  const again = `prepare it again with the settings you want (fanbase prepare)`;
  if (options.asOf !== undefined && options.asOf !== settings.asOf) {
    throw invalidOptions(`${file} was prepared as of ${settings.asOf}, not ${options.asOf}: ${again}`, {
      field: 'asOf',
    });
  }
  for (const key of ['fan', 'score', 'majority', 'mapping'] as const) {
    if (options[key] !== undefined) {
      throw invalidOptions(`${key} cannot change a prepared snapshot (${file}): ${again}`, {
        field: key,
      });
    }
  }
}

function resolveMapping(mapping: string | Mapping | undefined, dataDir: string): Mapping {
  if (typeof mapping === 'string') return readMappingFile(resolve(mapping));
  if (mapping !== undefined) return checkMapping(mapping);
  const beside = join(dataDir, MAPPING_FILE_NAME);
  return existsSync(beside) ? readMappingFile(beside) : {};
}
