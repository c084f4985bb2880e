import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { checkMapping, readMappingFile } from '../../src/load/mapping.js';
import { FIXTURES } from '../support/duckdb.js';
import { expectFanbaseError } from '../support/expect-error.js';

const Check = suite('checkMapping');

Check('accepts the documented shape', () => {
  const mapping = {
    users: { path: 'accounts.jsonl', columns: { user_id: 'id' }, epoch: { birth_date: 'ms' } },
    streams: { format: 'csv', delimiter: ';', epoch: { streamed_at: 's' } },
    follows: false,
  };
  assert.equal(checkMapping(mapping), mapping);
  assert.equal(checkMapping({}), {});
});

Check('names the first wrong key and what is allowed', async () => {
  const cases: [unknown, RegExp][] = [
    [[], /the mapping must be a JSON object/],
    [{ user: {} }, /"user" is not an export: use users, streams or follows/],
    [
      { users: { colums: {} } },
      /users.colums is not a mapping setting: use path, format, delimiter, columns, epoch/,
    ],
    [{ users: { format: 'xlsx' } }, /users.format must be parquet, csv or jsonl, got "xlsx"/],
    [
      { users: { columns: { user: 'id' } } },
      /users.columns.user is not a column of users: use user_id, birth_date/,
    ],
    [{ streams: { columns: { user_id: '' } } }, /streams.columns.user_id must name a source column/],
    [
      { streams: { epoch: { streamed_at: 'days' } } },
      /streams.epoch.streamed_at must be "s", "ms" or "us", got "days"/,
    ],
    [{ users: false }, /users must be an object/],
    [{ users: { path: 3 } }, /users.path must be a non-empty string/],
    [
      { users: { delimiter: ';;' } },
      /users.delimiter must be one character, e.g. ";", "\\t" or "\|", got ";;"/,
    ],
    [{ users: { delimiter: '' } }, /users.delimiter must be one character, .*got ""/],
    [{ users: { delimiter: 59 } }, /users.delimiter must be one character, .*got 59/],
    [{ users: { delimiter: '"' } }, /users.delimiter cannot be '"', the character that quotes CSV text/],
    [{ users: { delimiter: '\n' } }, /users.delimiter cannot be a line break/],
    [
      { users: { format: 'parquet', delimiter: ';' } },
      /users.delimiter is for CSV exports, and users is read as parquet: remove users.delimiter/,
    ],
    [
      { streams: { path: 'listens.jsonl', delimiter: '|' } },
      /streams.delimiter is for CSV exports, and streams is read as jsonl: remove streams.delimiter/,
    ],
  ];
  for (const [mapping, message] of cases) {
    await expectFanbaseError(
      () => checkMapping(mapping, 'fanbase.json'),
      'INVALID_MAPPING',
      message,
      /^fanbase.json: /,
    );
  }
});

Check(
  'a delimiter is one character of a CSV export: a tab, a pipe, a semicolon, even a multi-byte one',
  () => {
    for (const delimiter of ['\t', '|', ';', '§']) {
      const mapping = { users: { delimiter }, streams: { path: 'listens.csv.gz', delimiter } };
      assert.equal(checkMapping(mapping), mapping);
    }
  },
);

Check.run();

const Read = suite('readMappingFile');

Read('reads the bundled example', () => {
  const mapping = readMappingFile(join(FIXTURES, 'edge-cases/mapped/fanbase.json'));
  assert.is(mapping.users?.columns?.user_id, 'id');
  assert.is(mapping.streams?.epoch?.streamed_at, 'ms');
});

Read('says which file is missing or not JSON', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fanbase-mapping-'));
  await expectFanbaseError(
    () => readMappingFile(join(dir, 'nope.json')),
    'DATA_NOT_FOUND',
    /nope.json cannot be read/,
  );
  writeFileSync(join(dir, 'bad.json'), '{ "users": ');
  await expectFanbaseError(
    () => readMappingFile(join(dir, 'bad.json')),
    'INVALID_MAPPING',
    /bad.json is not valid JSON/,
  );
});

Read.run();
