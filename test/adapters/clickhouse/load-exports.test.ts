import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import * as rowIssues from '../../../fixtures/row-issues/expected.js';
import { chdbTransport } from '../../../src/adapters/clickhouse/chdb-transport.js';
import { ClickHouseFanRepository } from '../../../src/adapters/clickhouse/clickhouse-fan-repository.js';
import { loadExports } from '../../../src/adapters/clickhouse/load-exports.js';
import { latestLoad } from '../../../src/adapters/clickhouse/load-record.js';
import { createSchema, schemaSettings } from '../../../src/adapters/clickhouse/schema.js';
import type { ClickHouseTransport } from '../../../src/adapters/clickhouse/transport.js';
import { resolveSettings } from '../../../src/domain/settings.js';
import { FIXTURES } from '../../support/duckdb.js';
import { expectFanbaseError } from '../../support/expect-error.js';

const SETTINGS = resolveSettings({ asOf: rowIssues.AS_OF });
const Load = suite('loadExports');

async function withChdb(run: (transport: ClickHouseTransport) => Promise<void>): Promise<void> {
  const transport = await chdbTransport();
  try {
    await run(transport);
  } finally {
    await transport.close();
  }
}

/** `text` as a regular expression matching just that text. */
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const count = async (transport: ClickHouseTransport, table: string) =>
  Number((await transport.query(`select toInt64(count()) as n from ${table}`))[0]?.n);

Load(
  'the report is the DuckDB load report, stored with the rows; rows without ids are left out, counted',
  () =>
    withChdb(async (transport) => {
      const report = await loadExports(transport, join(FIXTURES, 'row-issues/csv'), {}, SETTINGS);
      assert.equal(report.totals, rowIssues.TOTALS);
      const load = await latestLoad(transport);
      assert.equal(load?.report, report);
      assert.ok(load?.finished);
      // users: 11 rows, one without user_id (reported as null_user_id) -> 10 stored
      assert.is(await count(transport, 'users_source'), 10);
      // streams: 14 rows, 2 null ids and 1 null streamed_at (reported) -> 11 stored
      assert.is(await count(transport, 'streams_source'), 11);
      // follows: 5 rows, one without user_id -> 4 stored
      assert.is(await count(transport, 'follows_source'), 4);
      // user 5 was born 1850-01-01: before Date32's range, stored unknown, as users.sql makes it anyway
      assert.equal(await transport.query('select birth_date from users_source where user_id = 5'), [
        { birth_date: null },
      ]);
      // the materialized views filled the listening tables on the way in
      assert.ok((await count(transport, 'artist_listening')) > 0);
      assert.is(await count(transport, 'artist_listening'), await count(transport, 'user_listening'));
    }),
);

Load('a second load into the same tables is refused, saying why and what to do', () =>
  withChdb(async (transport) => {
    await loadExports(transport, join(FIXTURES, 'edge-cases/csv'), {}, SETTINGS);
    await expectFanbaseError(
      () => loadExports(transport, join(FIXTURES, 'edge-cases/csv'), {}, SETTINGS),
      'INVALID_ARGUMENT',
      /users_source on ClickHouse \(chdb .*\) already holds 12 rows: prepare loads exports into empty tables\. To load them again, empty them first \(truncate table users_source; .*truncate table user_listening; truncate table fanbase_loads\)/,
    );
    // the first load stays as it was: edge-cases has 28 stream rows, all with ids and times, one of them
    // exported twice (user 1, artist 123, 2026-06-08: the report's duplicate_stream), stored once
    assert.is(await count(transport, 'streams_source'), 27);
  }),
);

Load(
  'a load that did not finish is refused, saying how to start again; emptied tables load again',
  async () => {
    const path = mkdtempSync(join(tmpdir(), 'fanbase-unfinished-'));
    const transport = await chdbTransport({ path });
    try {
      await loadExports(transport, join(FIXTURES, 'edge-cases/csv'), {}, SETTINGS);
      // a prepare killed after its first inserts leaves its "started" row last
      await transport.command(
        "insert into fanbase_loads (loaded_at, fanbase_version, status, report) values (now64(3) + 1, 'x', 'started', '')",
      );
      const error = await expectFanbaseError(
        () => ClickHouseFanRepository.open(transport, SETTINGS),
        'DATA_UNREADABLE',
        /started at .* did not finish: its tables hold part of the exports\. Empty them \(truncate table users_source;/,
      );
      const statements = /Empty them \((.*)\) and prepare again/.exec(error.message)?.[1]?.split('; ') ?? [];
      assert.is(statements.length, 6);
      // open released the engine; the user empties the tables as told and prepares again
      const again = await chdbTransport({ path });
      try {
        for (const statement of statements) await again.command(statement);
        const report = await loadExports(again, join(FIXTURES, 'edge-cases/csv'), {}, SETTINGS);
        assert.is(report.totals.fans, 16);
        const plays = await again.query('select toInt64(sum(count_plays)) as n from artist_listening');
        assert.is(Number(plays[0]?.n), 27);
      } finally {
        await again.close();
      }
    } finally {
      await transport.close();
      rmSync(path, { recursive: true, force: true });
    }
  },
);

Load('bad exports fail as they do with DuckDB, and nothing reaches ClickHouse', () =>
  withChdb(async (transport) => {
    await expectFanbaseError(
      () => loadExports(transport, join(FIXTURES, 'invalid/wrong-type'), {}, SETTINGS),
      'DATA_WRONG_TYPE',
      /ms_played/,
    );
    await expectFanbaseError(
      () => loadExports(transport, join(FIXTURES, 'invalid/missing-column'), {}, SETTINGS),
      'DATA_COLUMN_MISSING',
      /user_id/,
    );
    for (const table of ['users_source', 'streams_source', 'follows_source', 'fanbase_loads']) {
      assert.is(await count(transport, table), 0, table);
    }
  }),
);

Load('a TMPDIR that file() would read as a glob is refused before the load starts', () =>
  withChdb(async (transport) => {
    const before = process.env.TMPDIR;
    const parent = mkdtempSync(join(tmpdir(), 'fanbase-tmpdir-'));
    try {
      for (const name of ['t{a,b}', 't*']) {
        const folder = join(parent, name);
        mkdirSync(folder);
        process.env.TMPDIR = folder;
        await expectFanbaseError(
          () => loadExports(transport, join(FIXTURES, 'row-issues/csv'), {}, SETTINGS),
          'INVALID_OPTIONS',
          new RegExp(`chdb cannot read the exports staged in ${literally(folder)}/fanbase-clickhouse-`),
          /Set TMPDIR to a folder whose path has none of them/,
        );
      }
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
    for (const table of ['users_source', 'streams_source', 'follows_source', 'fanbase_loads']) {
      assert.is(await count(transport, table), 0, table);
    }
  }),
);

Load('createSchema can run on a schema that exists, which keeps the threshold it was counted with', () =>
  withChdb(async (transport) => {
    assert.is(await schemaSettings(transport).catch((e) => e.code), 'DATA_NOT_FOUND');
    assert.is(await createSchema(transport, 30_000), 30_000);
    assert.is(await createSchema(transport, 100_000), 30_000);
    assert.equal(await schemaSettings(transport), { minMsPlayed: 30_000 });
    assert.is(await latestLoad(transport), undefined);
    await expectFanbaseError(
      () =>
        loadExports(
          transport,
          join(FIXTURES, 'edge-cases/csv'),
          {},
          resolveSettings({ fan: { minMsPlayed: 100_000 } }),
        ),
      'INVALID_OPTIONS',
      /count plays of 30000 ms or more, fixed when their schema was created: fan.minMsPlayed 100000/,
    );
  }),
);

Load.run();
