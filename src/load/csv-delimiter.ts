import type { ContractTable } from '../domain/data-contract.js';
import { dataColumnMissing, type FanbaseError, invalidMapping } from '../domain/errors.js';
import type { LocatedSource } from './locate-source.js';
import type { TableMapping } from './mapping.js';

/** The delimiter CSV exports are read with unless the mapping says otherwise. */
export const DEFAULT_DELIMITER = ',';

/** Field separators CSV exports commonly use: a header read with the wrong one holds the right one. */
const COMMON_DELIMITERS = [',', ';', '\t', '|'];

/** The delimiter a CSV export is read with. */
export function delimiterOf(mapping: TableMapping | undefined): string {
  return mapping?.delimiter ?? DEFAULT_DELIMITER;
}

/**
 * The delimiter a header seems to use when, read with `used`, it came out as one column holding another
 * common delimiter (the one it holds most); undefined otherwise.
 */
export function guessDelimiter(columns: readonly string[], used: string): string | undefined {
  const [header] = columns;
  if (columns.length !== 1 || header === undefined) return undefined;
  let guess: string | undefined;
  let most = 0;
  for (const delimiter of COMMON_DELIMITERS) {
    const count = delimiter === used ? 0 : header.split(delimiter).length - 1;
    if (count > most) [guess, most] = [delimiter, count];
  }
  return guess;
}

/**
 * The error for a CSV export read with the wrong delimiter: its header came out as one column holding
 * another delimiter, and a required column is missing. Undefined when that is not the case.
 */
export function wrongDelimiterError(
  table: ContractTable,
  mapping: TableMapping | undefined,
  columns: readonly string[],
  file: string,
): FanbaseError | undefined {
  const guess = guessDelimiter(columns, delimiterOf(mapping));
  if (guess === undefined) return undefined;
  const found = new Set(columns.map((c) => c.toLowerCase()));
  const missing = table.columns
    .filter((c) => c.required)
    .map((c) => mapping?.columns?.[c.name] ?? c.name)
    .find((name) => !found.has(name.toLowerCase()));
  if (missing === undefined) return undefined;
  const header =
    (columns[0] as string).length > 80 ? `${(columns[0] as string).slice(0, 77)}...` : columns[0];
  const fix =
    guess === DEFAULT_DELIMITER
      ? `Remove ${table.name}.delimiter from the mapping ("," is the default)`
      : `Set ${table.name}.delimiter to ${JSON.stringify(guess)} in the mapping`;
  return dataColumnMissing(
    `${file}: the header reads as one column, ${JSON.stringify(header)}, with no column "${missing}": the file looks ${JSON.stringify(guess)}-separated. ${fix}`,
    { table: table.name, file, column: missing },
  );
}

/** Refuses a mapping's delimiter for an export that is not CSV (known only once the export is found). */
export function checkDelimiterFormat(source: LocatedSource, mapping: TableMapping | undefined): void {
  if (mapping?.delimiter === undefined || source.format === 'csv') return;
  const name = source.table.name;
  const what = source.files.length === 1 ? source.files[0] : (source.patternShown ?? `the ${name} export`);
  throw invalidMapping(
    `${name}.delimiter is for CSV exports, and ${what} is ${source.format}: remove ${name}.delimiter from the mapping`,
    { table: name, field: `${name}.delimiter` },
  );
}

/** How a CSV line separates its fields, for messages: "comma-separated" or '";"-separated'. */
export function separatedBy(delimiter: string): string {
  return delimiter === DEFAULT_DELIMITER
    ? 'comma-separated, text with commas in double quotes'
    : `${JSON.stringify(delimiter)}-separated, text holding ${JSON.stringify(delimiter)} in double quotes`;
}
