import {
  dataMalformed,
  dataNotFound,
  dataUnreadable,
  type ErrorLocation,
  FanbaseError,
} from '../domain/errors.js';
import { literalPath } from './literal-path.js';

/**
 * Turns an error thrown by DuckDB while reading an export into a FanbaseError that says which file or
 * line is at fault and what to do. `where` names the export being read.
 */
export function translateReadError(
  error: unknown,
  where: { table: string; files: readonly string[]; pattern?: string },
): FanbaseError {
  if (error instanceof FanbaseError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split('\n')[0] ?? message;
  const fileInMessage = /(?:file|File) ['"]([^'"]+)['"]/.exec(first)?.[1];
  const file = fileInMessage ?? (where.files.length === 1 ? where.files[0] : undefined);
  const location: ErrorLocation = { table: where.table, ...(file ? { file } : {}) };
  const named = file ?? `the ${where.table} export`;

  if (/No files found that match the pattern/.test(first)) {
    // DuckDB names the pattern it was given, escaped: say it as the user wrote it
    const pattern = quoteFirst(first);
    const shown = where.pattern ?? where.files.find((f) => literalPath(f) === pattern) ?? pattern;
    return dataNotFound(`${where.table}: no file matches ${shown}: check the path`, location, {
      cause: error,
    });
  }
  if (/No magic bytes found|not a parquet file|Invalid Input Error: .*parquet/i.test(first)) {
    return dataUnreadable(
      `${named} is not a complete parquet file (${first.replace(/^[A-Za-z ]+Error: /, '')}): it may be truncated; export it again`,
      location,
      { cause: error },
    );
  }
  const jsonLine = /Malformed JSON .*? in line (\d+)/.exec(first) ?? /line (\d+)/.exec(first);
  if (/Malformed JSON|JSON/.test(first)) {
    const line = jsonLine ? Number(jsonLine[1]) : undefined;
    return dataMalformed(
      `${named}${line ? `, line ${line}` : ''}: not valid JSON lines (${first.replace(/^[A-Za-z ]+Error: /, '')}): fix that line or export the file again`,
      { ...location, ...(line ? { line } : {}) },
      { cause: error },
    );
  }
  const csvLine = /CSV Error on Line: (\d+)/.exec(first);
  if (csvLine) {
    const line = Number(csvLine[1]);
    return dataMalformed(
      `${named}, line ${line}: malformed CSV: fix that line`,
      { ...location, line },
      {
        cause: error,
      },
    );
  }
  return dataUnreadable(`${named} cannot be read: ${first}`, location, { cause: error });
}

function quoteFirst(message: string): string {
  return /pattern "([^"]+)"/.exec(message)?.[1] ?? message;
}
