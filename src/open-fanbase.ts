import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDbFanRepository, type DuckDbOptions } from './adapters/duckdb/duckdb-fan-repository.js';
import { checkMapping, type Mapping, readMappingFile } from './adapters/duckdb/mapping.js';
import { createFanbase, type Fanbase } from './domain/fanbase.js';
import { resolveSettings, type SettingsOptions } from './domain/settings.js';

/** The bundled demo dataset, the default data. */
export const DEMO_DATA_DIR: string = fileURLToPath(new URL('../fixtures/demo/', import.meta.url));

/** Name of the mapping file picked up from a data folder when no mapping is given. */
export const MAPPING_FILE_NAME = 'fanbase.json';

/** What `openFanbase` takes: where the exports are, how to read them, and the settings of the answers. */
export interface OpenFanbaseOptions extends SettingsOptions, DuckDbOptions {
  /** Folder of the exports (users, streams, follows). Default: the bundled demo dataset. */
  data?: string;
  /** A mapping file path or object; default `<data>/fanbase.json` when that file exists. */
  mapping?: string | Mapping;
}

/**
 * Loads a dataset and returns its Fanbase: `summary`, `topFans`, `report`, `close`. Values out are plain
 * numbers and strings.
 *
 * @example
 * const fb = await openFanbase({ data: 'exports/', asOf: '2026-06-15' });
 * console.log(await fb.summary(123), await fb.topFans(123, 3));
 * await fb.close();
 */
export async function openFanbase(options: OpenFanbaseOptions = {}): Promise<Fanbase> {
  const settings = resolveSettings(options);
  const dataDir = resolve(options.data ?? DEMO_DATA_DIR);
  const mapping = resolveMapping(options.mapping, dataDir);
  const repository = await DuckDbFanRepository.open(dataDir, mapping, settings, options);
  return createFanbase(repository, settings);
}

function resolveMapping(mapping: string | Mapping | undefined, dataDir: string): Mapping {
  if (typeof mapping === 'string') return readMappingFile(resolve(mapping));
  if (mapping !== undefined) return checkMapping(mapping);
  const beside = join(dataDir, MAPPING_FILE_NAME);
  return existsSync(beside) ? readMappingFile(beside) : {};
}
