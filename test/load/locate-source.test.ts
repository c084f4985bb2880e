import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { DATA_CONTRACT } from '../../src/domain/data-contract.js';
import { locateSource } from '../../src/load/locate-source.js';
import { FIXTURES } from '../support/duckdb.js';
import { expectFanbaseError } from '../support/expect-error.js';

const [users, streams, follows] = DATA_CONTRACT as [
  (typeof DATA_CONTRACT)[number],
  (typeof DATA_CONTRACT)[number],
  (typeof DATA_CONTRACT)[number],
];

const Locate = suite('locateSource');

Locate('finds <table>.<ext> by its extension', () => {
  for (const format of ['csv', 'parquet', 'jsonl'] as const) {
    const found = locateSource(join(FIXTURES, 'edge-cases', format), users, undefined);
    assert.is(found?.format, format);
    assert.equal(found?.files, [join(FIXTURES, 'edge-cases', format, `users.${format}`)]);
  }
});

Locate(
  'an absent optional export is null, an absent required one an error naming what is looked for',
  async () => {
    assert.is(locateSource(join(FIXTURES, 'sparse/csv'), follows, undefined), null);
    await expectFanbaseError(
      () => locateSource(join(FIXTURES, 'invalid/no-streams'), streams, undefined),
      'DATA_NOT_FOUND',
      /streams: no export in .*no-streams: expected streams.parquet, streams.csv, streams.jsonl or a streams\/ folder/,
    );
  },
);

Locate('reads a folder of files, and refuses mixed formats and empty files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fanbase-locate-'));
  mkdirSync(join(dir, 'streams', 'day=1'), { recursive: true });
  writeFileSync(join(dir, 'streams', 'day=1', 'a.csv'), 'user_id\n');
  writeFileSync(join(dir, 'streams', 'b.csv'), 'user_id\n');
  writeFileSync(join(dir, 'streams', '_SUCCESS'), '');
  const found = locateSource(dir, streams, undefined);
  assert.equal(found?.files, [join(dir, 'streams', 'b.csv'), join(dir, 'streams', 'day=1', 'a.csv')]);
  writeFileSync(join(dir, 'streams', 'c.parquet'), 'x');
  await expectFanbaseError(() => locateSource(dir, streams, undefined), 'DATA_MALFORMED', /mixes formats/);
  await expectFanbaseError(
    () => locateSource(join(FIXTURES, 'invalid/empty-file'), users, undefined),
    'DATA_MALFORMED',
    /users.csv is empty/,
  );
});

Locate('two exports of one table are ambiguous', async () => {
  await expectFanbaseError(
    () => locateSource(join(FIXTURES, 'invalid/two-exports'), users, undefined),
    'DATA_NOT_FOUND',
    /several exports .*users.csv, users.jsonl|several exports .*users.jsonl, users.csv/,
  );
});

Locate('follows the mapping: a path, a glob, a missing path', async () => {
  const dir = join(FIXTURES, 'edge-cases');
  assert.equal(locateSource(dir, users, { path: 'csv/users.csv' })?.files, [join(dir, 'csv/users.csv')]);
  const glob = locateSource(dir, streams, { path: '*/streams.parquet' });
  assert.is(glob?.pattern, join(dir, '*/streams.parquet'));
  assert.is(glob?.format, 'parquet');
  await expectFanbaseError(
    () => locateSource(dir, users, { path: 'nope/users.csv' }),
    'DATA_NOT_FOUND',
    /nope\/users.csv does not exist: fix users.path in the mapping/,
  );
  await expectFanbaseError(
    () => locateSource(dir, users, { path: 'x/*' }),
    'INVALID_MAPPING',
    /set users.format/,
  );
  await expectFanbaseError(
    () => locateSource(join(dir, 'nope'), users, undefined),
    'DATA_NOT_FOUND',
    /data folder .*nope does not exist/,
  );
});

Locate("in a glob-named data folder, only the mapping's own text is a glob", () => {
  const dir = mkdtempSync(join(tmpdir(), 'fanbase-ds*[?]-'));
  writeFileSync(join(dir, 'users.csv'), 'user_id\n1\n');
  const literal = locateSource(dir, users, { path: 'users.csv' });
  assert.equal(literal?.files, [join(dir, 'users.csv')]);
  assert.is(literal?.pattern, undefined);
  const found = locateSource(dir, users, undefined);
  assert.equal(found?.files, [join(dir, 'users.csv')]);
  const glob = locateSource(dir, streams, { path: 'streams/*.parquet' });
  assert.is(glob?.pattern, `${dir.replace('ds*[?]', 'ds[*][[][?]]')}/streams/*.parquet`);
  assert.is(glob?.patternShown, join(dir, 'streams/*.parquet'));
  const absolute = locateSource(dir, streams, { path: '/data/ds*/streams.csv' });
  assert.is(absolute?.pattern, '/data/ds*/streams.csv');
});

Locate.run();
