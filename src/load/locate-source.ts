import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { ContractTable } from '../domain/data-contract.js';
import { dataMalformed, dataNotFound, invalidMapping } from '../domain/errors.js';
import { dataFolderError } from './data-folder.js';
import { hasGlobCharacters, literalPath } from './literal-path.js';
import type { SourceFormat, TableMapping } from './mapping.js';
import { formatOf } from './source-format.js';

/**
 * Where one export is and how to read it. `files` are literal paths (escaped for DuckDB where it reads
 * them); `pattern` is set for a mapping's glob, the one place a path is a glob.
 */
export interface LocatedSource {
  table: ContractTable;
  format: SourceFormat;
  files: string[];
  /** The glob DuckDB expands: the mapping's own text, with the data folder's glob characters escaped. */
  pattern?: string;
  /** The same glob as the user reads it (the data folder unescaped), for messages. */
  patternShown?: string;
}

/**
 * Finds an export in the data folder: the mapping's `path` (a file, a folder or a glob), or else
 * `<table>.parquet|.csv|.jsonl|.ndjson|.json` or a `<table>/` folder. Null when an optional export is absent.
 */
export function locateSource(
  dataDir: string,
  table: ContractTable,
  mapping: TableMapping | undefined,
): LocatedSource | null {
  const where = { table: table.name };
  if (mapping?.path !== undefined) {
    const path = isAbsolute(mapping.path) ? mapping.path : resolve(dataDir, mapping.path);
    // only the mapping's own text can be a glob: the data folder's name is literal, whatever it holds
    if (hasGlobCharacters(mapping.path)) {
      const format = mapping.format ?? formatOf(mapping.path);
      if (!format) {
        throw invalidMapping(
          `${table.name}.path ${mapping.path}: cannot tell the format from the name: set ${table.name}.format`,
          where,
        );
      }
      const pattern = isAbsolute(mapping.path)
        ? mapping.path
        : join(literalPath(resolve(dataDir)), mapping.path);
      return { table, format, files: [], pattern, patternShown: path };
    }
    if (!existsSync(path)) {
      throw dataNotFound(`${table.name}: ${path} does not exist: fix ${table.name}.path in the mapping`, {
        ...where,
        file: path,
      });
    }
    return fromPath(path, table, mapping.format);
  }

  const candidates = readdirSafe(dataDir)
    .filter(
      (name) =>
        name === table.name || (formatOf(name) && name.replace(/\.[^.]+(\.(gz|zst))?$/i, '') === table.name),
    )
    .map((name) => join(dataDir, name));
  if (candidates.length > 1) {
    throw dataNotFound(
      `${table.name}: several exports in ${dataDir} (${candidates.map((c) => c.slice(dataDir.length + 1)).join(', ')}): keep one, or set ${table.name}.path in the mapping`,
      where,
    );
  }
  const found = candidates[0];
  if (found === undefined) {
    if (!table.required) return null;
    throw dataNotFound(
      `${table.name}: no export in ${dataDir}: expected ${table.name}.parquet, ${table.name}.csv, ${table.name}.jsonl or a ${table.name}/ folder, or ${table.name}.path in the mapping`,
      where,
    );
  }
  return fromPath(found, table, mapping?.format);
}

function fromPath(path: string, table: ContractTable, format: SourceFormat | undefined): LocatedSource {
  const files = statSync(path).isDirectory() ? listFiles(path) : [path];
  if (files.length === 0) {
    throw dataNotFound(`${table.name}: the folder ${path} holds no parquet, CSV or JSON lines file`, {
      table: table.name,
      file: path,
    });
  }
  const formats = new Set(files.map((f) => format ?? formatOf(f)));
  if (formats.size > 1 || formats.has(undefined)) {
    const odd = files.find((f) => !formatOf(f)) ?? files.join(', ');
    throw dataMalformed(
      formats.has(undefined)
        ? `${table.name}: cannot tell the format of ${odd}: name it .parquet, .csv or .jsonl, or set ${table.name}.format in the mapping`
        : `${table.name}: ${path} mixes formats (${[...formats].join(', ')}): keep one format per export`,
      { table: table.name, file: path },
    );
  }
  for (const file of files) {
    if (statSync(file).size === 0) {
      throw dataMalformed(
        `${file} is empty: a ${table.name} export needs at least a header (CSV) or a schema (parquet)`,
        { table: table.name, file },
      );
    }
  }
  return { table, format: [...formats][0] as SourceFormat, files };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.') && !entry.name.startsWith('_'))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch (error) {
    throw dataFolderError(dir, error);
  }
}
