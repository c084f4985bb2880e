import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { DATA_CONTRACT } from '../../src/domain/data-contract.js';
import type { TableName } from '../../src/domain/data-report.js';
import { plainRows } from '../../src/duckdb/plain-values.js';
import { locateSource } from '../../src/load/locate-source.js';
import type { TableMapping } from '../../src/load/mapping.js';
import { createSourceView } from '../../src/load/source-view.js';
import { FIXTURES, freshConnection } from '../support/duckdb.js';
import { expectFanbaseError } from '../support/expect-error.js';

const table = (name: TableName) =>
  DATA_CONTRACT.find((t) => t.name === name) as (typeof DATA_CONTRACT)[number];

async function view(dir: string, name: TableName, mapping?: TableMapping) {
  const { conn, close } = await freshConnection();
  try {
    const located = locateSource(dir, table(name), mapping);
    if (!located) throw new Error('not located');
    const report = await createSourceView(conn, located, mapping);
    const rows = plainRows(
      (await conn.runAndReadAll(`select * from ${name}_source`)).getRowObjectsJS() as Record<
        string,
        unknown
      >[],
    );
    return { report, rows };
  } finally {
    close();
  }
}

const View = suite('createSourceView');

View('gives the contract columns and types in every format', async () => {
  for (const format of ['csv', 'parquet', 'jsonl']) {
    const { report, rows } = await view(join(FIXTURES, 'edge-cases', format), 'users');
    assert.is(report.rows, 12, format);
    assert.equal(report.missing_columns, []);
    assert.equal(rows[0], { user_id: 1, birth_date: '1990-03-10', country: 'FR', consent: true }, format);
    assert.equal(rows[3], { user_id: 4, birth_date: null, country: 'US', consent: true }, format);
    assert.equal(rows[7], { user_id: 8, birth_date: '1995-12-31', country: 'ES', consent: null }, format);
    const streams = await view(join(FIXTURES, 'edge-cases', format), 'streams');
    assert.equal(
      streams.rows[0],
      { user_id: 1, artist_id: 123, streamed_at: '2026-06-01T10:00:00.000Z', ms_played: 180000 },
      format,
    );
  }
});

View('renames columns and converts epoch milliseconds through the mapping', async () => {
  const dir = join(FIXTURES, 'edge-cases/mapped');
  const mapping = JSON.parse(readFileSync(join(dir, 'fanbase.json'), 'utf8'));
  const users = await view(dir, 'users', mapping.users);
  assert.equal(users.rows[0], { user_id: 1, birth_date: '1990-03-10', country: 'FR', consent: true });
  const streams = await view(dir, 'streams', mapping.streams);
  assert.equal(streams.rows[0], {
    user_id: 1,
    artist_id: 123,
    streamed_at: '2026-06-01T10:00:00.000Z',
    ms_played: 180000,
  });
});

View('reads times with an offset as UTC, trims and upper-cases countries', async () => {
  const streams = await view(join(FIXTURES, 'row-issues/csv'), 'streams');
  assert.is(streams.rows[9]?.streamed_at, '2026-06-01T08:00:00.000Z'); // 10:00+02:00
  const users = await view(join(FIXTURES, 'row-issues/csv'), 'users');
  assert.is(users.rows[10]?.country, 'FR'); // " fr "
});

View('absent optional columns are null and reported', async () => {
  const { report, rows } = await view(join(FIXTURES, 'sparse/csv'), 'users');
  assert.equal(report.missing_columns, ['birth_date', 'country']);
  assert.equal(rows[0], { user_id: 1, birth_date: null, country: null, consent: true });
});

View('a missing required column names the file, the column, the columns found and the mapping', async () => {
  const error = await expectFanbaseError(
    () => view(join(FIXTURES, 'invalid/missing-column'), 'users'),
    'DATA_COLUMN_MISSING',
    /missing-column\/users.csv: no column "user_id" for users.user_id; columns found: id, birth_date, country, consent/,
    /map it with users.columns.user_id in the mapping/,
  );
  assert.is(error.location.column, 'user_id');
  // and the mapping fixes it
  const { rows } = await view(join(FIXTURES, 'invalid/missing-column'), 'users', {
    columns: { user_id: 'id' },
  });
  assert.is(rows[0]?.user_id, 1);
});

View('a semicolon-separated CSV is said to be one, not to have its column renamed', async () => {
  const error = await expectFanbaseError(
    () => view(join(FIXTURES, 'invalid/semicolon-csv'), 'users'),
    'DATA_COLUMN_MISSING',
  );
  assert.is(
    error.message,
    `${join(FIXTURES, 'invalid/semicolon-csv/users.csv')}: the header reads as one column, "user_id;birth_date;country;consent", with no column "user_id": the file looks ";"-separated. Set users.delimiter to ";" in the mapping`,
  );
  assert.equal(error.location, {
    table: 'users',
    file: join(FIXTURES, 'invalid/semicolon-csv/users.csv'),
    column: 'user_id',
  });
  // and the mapping reads it
  const { rows } = await view(join(FIXTURES, 'invalid/semicolon-csv'), 'users', { delimiter: ';' });
  assert.equal(rows[1], { user_id: 2, birth_date: '2001-01-01', country: 'DE', consent: true });
});

View('tab- and pipe-separated CSV are detected too, even when a value holds a comma', async () => {
  const tab = exportDir({ 'users.csv': 'user_id\tcountry\n1\tFR\n' });
  await expectFanbaseError(
    () => view(tab, 'users'),
    'DATA_COLUMN_MISSING',
    /the file looks "\\t"-separated. Set users.delimiter to "\\t" in the mapping/,
  );
  assert.equal((await view(tab, 'users', { delimiter: '\t' })).rows[0]?.country, 'FR');
  // the comma in "a, b" would make DuckDB reject the line as too many columns: the delimiter is the news
  const pipe = exportDir({
    'streams.csv': 'user_id|artist_id|streamed_at|note\n1|2|2026-06-01T10:00:00Z|a, b\n',
  });
  await expectFanbaseError(
    () => view(pipe, 'streams'),
    'DATA_COLUMN_MISSING',
    /streams.csv: the header reads as one column, "user_id\|artist_id\|streamed_at\|note", with no column "user_id": the file looks "\|"-separated. Set streams.delimiter to "\|" in the mapping/,
  );
  assert.is((await view(pipe, 'streams', { delimiter: '|' })).rows[0]?.artist_id, 2);
  // a comma-separated file read with a mapped ";" is told to drop the delimiter
  await expectFanbaseError(
    () => view(join(FIXTURES, 'edge-cases/csv'), 'users', { delimiter: ';' }),
    'DATA_COLUMN_MISSING',
    /the file looks ","-separated. Remove users.delimiter from the mapping \("," is the default\)/,
  );
  // one column whose name holds a ";" is only a name when the required columns are there
  const odd = exportDir({ 'users.csv': 'id;legacy\n1\n' });
  assert.is((await view(odd, 'users', { columns: { user_id: 'id;legacy' } })).rows[0]?.user_id, 1);
});

View('a delimiter is refused for an export found to be parquet or JSON lines', async () => {
  await expectFanbaseError(
    () => view(join(FIXTURES, 'edge-cases/parquet'), 'users', { delimiter: ';' }),
    'INVALID_MAPPING',
    /users.delimiter is for CSV exports, and .*edge-cases\/parquet\/users.parquet is parquet: remove users.delimiter from the mapping/,
  );
});

View('a malformed line of a ";"-separated CSV is explained with its delimiter', async () => {
  const dir = exportDir({ 'users.csv': 'user_id;country\n1;FR\n2;DE;x\n' });
  await expectFanbaseError(
    () => view(dir, 'users', { delimiter: ';' }),
    'DATA_MALFORMED',
    /malformed CSV at line 3 .*every line needs the header's users columns, ";"-separated, text holding ";" in double quotes/,
  );
});

View('a value of the wrong type names the file, column, lines and values', async () => {
  const error = await expectFanbaseError(
    () => view(join(FIXTURES, 'invalid/wrong-type'), 'streams'),
    'DATA_WRONG_TYPE',
    /wrong-type\/streams.csv: column "ms_played" \(streams.ms_played\) expects whole numbers; 2 value\(s\) are not: line 3 has "abc", line 4 has "1.5"/,
  );
  assert.is(error.location.line, 3);
  await expectFanbaseError(
    () => view(join(FIXTURES, 'invalid/bad-date'), 'users'),
    'DATA_WRONG_TYPE',
    /column "birth_date" \(users.birth_date\) expects dates \(YYYY-MM-DD\); 1 value\(s\) are not: line 3 has "31\/12\/1990"/,
  );
  await expectFanbaseError(
    () => view(join(FIXTURES, 'invalid/id-too-large'), 'users'),
    'DATA_WRONG_TYPE',
    /column "user_id" \(users.user_id\) expects whole numbers from 0 to 9007199254740991; 1 value\(s\) are not: line 2 has "9007199254740993"/,
  );
});

View('epoch numbers without a unit say to set one', async () => {
  await expectFanbaseError(
    () => view(join(FIXTURES, 'invalid/epoch-without-unit'), 'streams'),
    'DATA_WRONG_TYPE',
    /column "streamed_at" \(streams.streamed_at\) expects timestamps from 1990 to 2199 .*line 2 has "1780308000000"/,
    /These look like Unix epoch numbers: set streams.epoch.streamed_at to "s", "ms" or "us" in the mapping/,
  );
  const { rows } = await view(join(FIXTURES, 'invalid/epoch-without-unit'), 'streams', {
    epoch: { streamed_at: 'ms' },
  });
  assert.is(rows[0]?.streamed_at, '2026-06-01T10:00:00.000Z');
});

View('a malformed CSV line is named with its text', async () => {
  const error = await expectFanbaseError(
    () => view(join(FIXTURES, 'invalid/malformed-csv'), 'streams'),
    'DATA_MALFORMED',
    /malformed-csv\/streams.csv: malformed CSV at line 3 \(too many columns: 2,123,2026-06-01T10:00:00Z,60000,oops\)/,
  );
  assert.is(error.location.line, 3);
});

View('malformed JSON lines name the file and line', async () => {
  await expectFanbaseError(
    () => view(join(FIXTURES, 'invalid/malformed-jsonl'), 'users'),
    'DATA_MALFORMED',
    /malformed-jsonl\/users.jsonl, line \d: not valid JSON lines/,
  );
});

View('a truncated or garbage parquet file is named and called incomplete', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fanbase-parquet-'));
  copyFileSync(join(FIXTURES, 'edge-cases/parquet/users.parquet'), join(dir, 'users.parquet'));
  const bytes = readFileSync(join(FIXTURES, 'edge-cases/parquet/streams.parquet'));
  writeFileSync(join(dir, 'streams.parquet'), bytes.subarray(0, Math.floor(bytes.length / 2)));
  await expectFanbaseError(
    () => view(dir, 'streams'),
    'DATA_UNREADABLE',
    /streams.parquet is not a complete parquet file .*: it may be truncated; export it again/,
  );
  writeFileSync(join(dir, 'streams.parquet'), 'user_id,artist_id\n1,2\n');
  await expectFanbaseError(
    () => view(dir, 'streams'),
    'DATA_UNREADABLE',
    /streams.parquet is not a complete parquet file/,
  );
});

/** Writes a throwaway export folder with the given files. */
function exportDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'fanbase-export-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

View('JSON lines are checked on every row, not on a sample of the first ones', async () => {
  const good = Array.from({ length: 25_000 }, (_, i) => JSON.stringify({ user_id: i + 1, consent: true }));
  const consent = exportDir({
    'users.jsonl': `${[...good, '{"user_id": 25001, "consent": -1}'].join('\n')}\n`,
  });
  await expectFanbaseError(
    () => view(consent, 'users'),
    'DATA_WRONG_TYPE',
    /users.jsonl: column "consent" \(users.consent\) expects booleans .* line 25001 has "-1"/,
  );
  const fraction = exportDir({
    'users.jsonl': `${[...good, '{"user_id": 29999.6, "consent": true}'].join('\n')}\n`,
  });
  await expectFanbaseError(
    () => view(fraction, 'users'),
    'DATA_WRONG_TYPE',
    /users.user_id.*line 25001 has "29999.6"/,
  );
});

View('a wrong epoch unit is caught: seconds read as milliseconds', async () => {
  // 1276000000 s is 2010-06-08; read as ms it is 1970-01-15
  const users = exportDir({ 'users.csv': 'user_id,birth_date\n1,1276000000\n2,600000000\n' });
  await expectFanbaseError(
    () => view(users, 'users', { epoch: { birth_date: 'ms' } }),
    'DATA_WRONG_TYPE',
    /column "birth_date" \(users.birth_date\): every value falls before 1973-03-04 when read as ms: the epoch unit looks too small/,
  );
  assert.is((await view(users, 'users', { epoch: { birth_date: 's' } })).rows[0]?.birth_date, '2010-06-08');
  const streams = exportDir({ 'streams.csv': 'user_id,artist_id,streamed_at\n1,2,1780308000\n' });
  await expectFanbaseError(
    () => view(streams, 'streams', { epoch: { streamed_at: 'ms' } }),
    'DATA_WRONG_TYPE',
    /streams.streamed_at\) expects Unix epoch numbers in ms giving times from 1990 to 2199 \(is the epoch unit right\?\)/,
  );
});

View('special time words and times outside 1990-2199 are refused, not loaded', async () => {
  for (const value of ['-infinity', 'infinity', 'epoch', '1969-12-31T00:00:00Z', '2400-01-01T00:00:00Z']) {
    const dir = exportDir({ 'streams.csv': `user_id,artist_id,streamed_at\n1,2,${value}\n` });
    await expectFanbaseError(
      () => view(dir, 'streams'),
      'DATA_WRONG_TYPE',
      /streams.streamed_at\) expects timestamps from 1990 to 2199/,
    );
  }
  const birth = exportDir({ 'users.csv': 'user_id,birth_date\n1,infinity\n' });
  await expectFanbaseError(() => view(birth, 'users'), 'DATA_WRONG_TYPE', /users.birth_date\) expects dates/);
});

View(
  'a birth date written with a time and an offset keeps its calendar date, in CSV and JSON lines alike',
  async () => {
    const csv = exportDir({ 'users.csv': 'user_id,birth_date\n1,2008-06-16T00:00:00+02:00\n' });
    const jsonl = exportDir({ 'users.jsonl': '{"user_id": 1, "birth_date": "2008-06-16T00:00:00+02:00"}\n' });
    assert.is((await view(csv, 'users')).rows[0]?.birth_date, '2008-06-16');
    assert.is((await view(jsonl, 'users')).rows[0]?.birth_date, '2008-06-16');
  },
);

View('a column the mapping names must exist, even an optional one', async () => {
  await expectFanbaseError(
    () => view(join(FIXTURES, 'edge-cases/csv'), 'users', { columns: { birth_date: 'dob_typo' } }),
    'DATA_COLUMN_MISSING',
    /no column "dob_typo" for users.birth_date \(mapped from "dob_typo"\)/,
  );
});

View('a glob matching nothing is reported as not found', async () => {
  await expectFanbaseError(
    () => view(join(FIXTURES, 'edge-cases'), 'streams', { path: 'nowhere/*.parquet' }),
    'DATA_NOT_FOUND',
    /streams: no file matches .*nowhere\/\*.parquet/,
  );
});

View('a glob matching nothing in a glob-named data folder is named as written, not escaped', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fanbase-ds*-'));
  const error = await expectFanbaseError(
    () => view(dir, 'streams', { path: 'nowhere/*.parquet' }),
    'DATA_NOT_FOUND',
  );
  assert.is(error.message, `streams: no file matches ${dir}/nowhere/*.parquet: check the path`);
});

View.run();
