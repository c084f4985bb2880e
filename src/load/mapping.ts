import { readFileSync } from 'node:fs';
import { DATA_CONTRACT } from '../domain/data-contract.js';
import { dataNotFound, invalidMapping } from '../domain/errors.js';
import { formatOf } from './source-format.js';

/** File formats fanbase reads. */
export type SourceFormat = 'parquet' | 'csv' | 'jsonl';

/** Units of a Unix epoch column. */
export type EpochUnit = 's' | 'ms' | 'us';

/** How one export is found and read: where, in which format, which source column is which contract column. */
export interface TableMapping {
  /** A file, a folder or a glob, relative to the data folder. Default: `<table>.<ext>` or `<table>/`. */
  path?: string;
  format?: SourceFormat;
  /** The field separator of a CSV export, one character, e.g. `";"`, `"\t"` or `"|"`. Default `","`. */
  delimiter?: string;
  /** Contract column -> source column, e.g. `{ "user_id": "uid" }`. Unlisted columns keep their names. */
  columns?: Record<string, string>;
  /** Contract column -> epoch unit, for times stored as Unix epoch numbers, e.g. `{ "streamed_at": "ms" }`. */
  epoch?: Record<string, EpochUnit>;
}

/** The mapping from a platform's exports to the data contract. `follows: false` says there is none. */
export interface Mapping {
  users?: TableMapping;
  streams?: TableMapping;
  follows?: TableMapping | false;
}

const FORMATS = new Set(['parquet', 'csv', 'jsonl']);
const UNITS = new Set(['s', 'ms', 'us']);
const TABLE_KEYS = new Set(['path', 'format', 'delimiter', 'columns', 'epoch']);

/** Reads and checks a mapping file (JSON). */
export function readMappingFile(file: string): Mapping {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw dataNotFound(`mapping file ${file} cannot be read: ${(cause as Error).message}`, {
      file,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw invalidMapping(`mapping file ${file} is not valid JSON: ${(cause as Error).message}`, {
      file,
    });
  }
  return checkMapping(json, file);
}

/** Checks a mapping object, naming the first key that is wrong and what is allowed there. */
export function checkMapping(value: unknown, origin = 'mapping'): Mapping {
  const fail = (field: string, problem: string): never => {
    throw invalidMapping(`${origin}: ${field} ${problem}`, { file: origin, field });
  };
  if (!isPlainObject(value)) fail('the mapping', 'must be a JSON object with keys users, streams, follows');
  const mapping = value as Record<string, unknown>;
  for (const key of Object.keys(mapping)) {
    if (key === '$comment') continue;
    const table = DATA_CONTRACT.find((t) => t.name === key);
    if (!table) fail(`"${key}"`, 'is not an export: use users, streams or follows');
    const spec = mapping[key];
    if (key === 'follows' && spec === false) continue;
    if (!isPlainObject(spec)) fail(key, 'must be an object with path, format, delimiter, columns, epoch');
    const t = spec as Record<string, unknown>;
    for (const k of Object.keys(t)) {
      if (!TABLE_KEYS.has(k))
        fail(`${key}.${k}`, 'is not a mapping setting: use path, format, delimiter, columns, epoch');
    }
    if (t.path !== undefined && (typeof t.path !== 'string' || t.path === '')) {
      fail(`${key}.path`, 'must be a non-empty string');
    }
    if (t.format !== undefined && !FORMATS.has(t.format as string)) {
      fail(`${key}.format`, `must be parquet, csv or jsonl, got ${JSON.stringify(t.format)}`);
    }
    const delimiterProblem = t.delimiter === undefined ? undefined : checkDelimiter(key, t);
    if (delimiterProblem) fail(`${key}.delimiter`, delimiterProblem);
    const names = new Set(table?.columns.map((c) => c.name));
    for (const field of ['columns', 'epoch'] as const) {
      const entries = t[field];
      if (entries === undefined) continue;
      if (!isPlainObject(entries)) fail(`${key}.${field}`, 'must be an object');
      for (const [ours, theirs] of Object.entries(entries as Record<string, unknown>)) {
        if (!names.has(ours))
          fail(`${key}.${field}.${ours}`, `is not a column of ${key}: use ${[...names].join(', ')}`);
        if (field === 'columns' && (typeof theirs !== 'string' || theirs === '')) {
          fail(`${key}.columns.${ours}`, 'must name a source column');
        }
        if (field === 'epoch' && !UNITS.has(theirs as string)) {
          fail(`${key}.epoch.${ours}`, `must be "s", "ms" or "us", got ${JSON.stringify(theirs)}`);
        }
      }
    }
  }
  return mapping as Mapping;
}

/** What is wrong with a table's `delimiter`, if anything: one character, not the quote, for CSV only. */
function checkDelimiter(table: string, spec: Record<string, unknown>): string | undefined {
  const { delimiter, format, path } = spec;
  if (typeof delimiter !== 'string' || [...delimiter].length !== 1) {
    return `must be one character, e.g. ";", "\\t" or "|", got ${JSON.stringify(delimiter)}`;
  }
  if (delimiter === '"') return "cannot be '\"', the character that quotes CSV text";
  if (delimiter === '\n' || delimiter === '\r') return 'cannot be a line break';
  // the format is known here when the mapping gives it or its path's extension does; else once found
  const readAs = format ?? (typeof path === 'string' ? formatOf(path) : undefined);
  if (readAs !== undefined && readAs !== 'csv') {
    return `is for CSV exports, and ${table} is read as ${readAs}: remove ${table}.delimiter`;
  }
  return undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
