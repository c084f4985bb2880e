import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import * as edge from '../fixtures/edge-cases/expected.js';
import * as kAnonymity from '../fixtures/k-anonymity/expected.js';
import * as rowIssues from '../fixtures/row-issues/expected.js';
import * as sparse from '../fixtures/sparse/expected.js';
import { DEMO_DATA_DIR, openFanbase, prepareFanbase } from '../src/open-fanbase.js';
import { FIXTURES } from './support/duckdb.js';
import { expectFanbaseError } from './support/expect-error.js';

const round = (x: number) => Number(x.toFixed(10));
const Open = suite('openFanbase');

Open(
  'answers the edge cases as worked out by hand, from CSV, parquet, JSON lines, a mapped and a ;-separated export',
  async () => {
    for (const variant of ['csv', 'parquet', 'jsonl', 'mapped', 'semicolon']) {
      const fb = await openFanbase({ data: join(FIXTURES, 'edge-cases', variant), asOf: edge.AS_OF });
      for (const expected of edge.SUMMARIES)
        assert.equal(await fb.summary(expected.artist_id), expected, variant);
      const top = (await fb.topFans(123, 100)).map((f) => ({ ...f, score: round(f.score) }));
      assert.equal(top, edge.TOP_FANS_123, variant);
      assert.equal(
        (await fb.topFans(123, 3)).map((f) => f.user_id),
        [1, 2, 5],
        variant,
      );
      assert.equal(
        (await fb.topFans(500, 10)).map((f) => ({ ...f, score: round(f.score) })),
        edge.TOP_FANS_500,
        variant,
      );
      await fb.close();
    }
  },
);

Open(
  'never shows a minor, a user of unknown age or a non-consenting user, for any artist or size',
  async () => {
    const fb = await openFanbase({ data: join(FIXTURES, 'edge-cases/parquet'), asOf: edge.AS_OF });
    for (const artist of [123, 200, 300, 400, 500, 999]) {
      for (const n of [1, 2, 5, 1000]) {
        const shown = (await fb.topFans(artist, n)).map((f) => f.user_id);
        for (const user of edge.NEVER_SHOWN)
          assert.not.ok(shown.includes(user), `artist ${artist} n ${n} shows ${user}`);
      }
    }
    await fb.close();
  },
);

Open('the top fans index answers as topFans does, from exports and from a snapshot', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fanbase-index-'));
  const snapshot = join(dir, 'edge.duckdb');
  await prepareFanbase({ data: join(FIXTURES, 'edge-cases/csv'), out: snapshot, asOf: edge.AS_OF });
  for (const data of [join(FIXTURES, 'edge-cases/parquet'), snapshot, join(FIXTURES, 'row-issues/csv')]) {
    const fb = await openFanbase({ data, asOf: edge.AS_OF });
    const index = await fb.topFansIndex();
    assert.is(index.depth, 100);
    for (const artist of [7, 10, 11, 123, 200, 300, 400, 500, 999]) {
      for (const n of [1, 2, 3, 100]) {
        assert.equal(index.get(artist, n), await fb.topFans(artist, n), `${data} artist ${artist} n ${n}`);
      }
    }
    // the hand-worked expectations hold through the index too
    if (!data.includes('row-issues')) {
      assert.equal(
        index.get(123, 100).map((f) => ({ ...f, score: round(f.score) })),
        edge.TOP_FANS_123,
      );
    }
    const shallow = await fb.topFansIndex(2);
    assert.equal(shallow.get(123, 2), await fb.topFans(123, 2));
    await expectFanbaseError(() => shallow.get(123, 3), 'INVALID_ARGUMENT', /nb_fans .* 1 to 2/);
    await expectFanbaseError(() => fb.topFansIndex(0), 'INVALID_ARGUMENT', /depth must be a whole number/);
    await fb.close();
  }
});

Open(
  'minFansForDemographics: each figure rests on k people with its value, from exports and a snapshot',
  async () => {
    // edge cases with k = 4 (fixtures/edge-cases/expected.ts gives the counts):
    //   123: 9 known ages >= 4 -> median 25 stays; FR 4 fans >= 4 shown, TN 2, DE 1 under the floor -> ['FR']
    //   200: 4 known ages -> median 31 stays; FR 3 fans < 4 -> no country
    //   500: 2 known ages < 4 -> no median; TN 2 < 4 -> no country
    const floored: Record<number, Partial<(typeof edge.SUMMARIES)[number]>> = {
      123: { fans_top_countries: ['FR'] },
      200: { fans_top_countries: [] },
      500: { fans_median_age: null, fans_top_countries: [] },
    };
    const dir = mkdtempSync(join(tmpdir(), 'fanbase-kanon-'));
    const snapshot = join(dir, 'edge.duckdb');
    await prepareFanbase({ data: join(FIXTURES, 'edge-cases/csv'), out: snapshot, asOf: edge.AS_OF });
    for (const data of [join(FIXTURES, 'edge-cases/csv'), snapshot]) {
      const fb = await openFanbase({ data, asOf: edge.AS_OF, minFansForDemographics: 4 });
      const index = await fb.summaryIndex();
      for (const expected of edge.SUMMARIES) {
        const shown = { ...expected, ...floored[expected.artist_id] };
        assert.equal(await fb.summary(expected.artist_id), shown, `${data} artist ${expected.artist_id}`);
        assert.equal(index.get(expected.artist_id), shown);
      }
      await fb.close();
    }
    await expectFanbaseError(
      () => openFanbase({ data: '/nonexistent', minFansForDemographics: -1 }),
      'INVALID_OPTIONS',
      /minFansForDemographics/,
    );
  },
);

Open(
  'minFansForDemographics counts the fans who have the value, not all fans (fixtures/k-anonymity)',
  async () => {
    const data = join(FIXTURES, 'k-anonymity/csv');
    for (const [k, expected] of [
      [0, kAnonymity.OPEN],
      [kAnonymity.K, kAnonymity.FLOORED],
    ] as const) {
      const fb = await openFanbase({ data, asOf: kAnonymity.AS_OF, minFansForDemographics: k });
      const index = await fb.summaryIndex();
      for (const summary of expected) {
        assert.equal(await fb.summary(summary.artist_id), summary, `k ${k}, artist ${summary.artist_id}`);
        assert.equal(index.get(summary.artist_id), summary);
      }
      await fb.close();
    }
  },
);

Open('as_of moves ages: a day earlier, user 2 is 17 and drops out of TopFans', async () => {
  const fb = await openFanbase({ data: join(FIXTURES, 'edge-cases/csv'), asOf: '2026-06-14' });
  const shown = (await fb.topFans(123, 100)).map((f) => f.user_id);
  assert.not.ok(shown.includes(2));
  assert.ok(shown.includes(1));
  await fb.close();
});

Open('row issues: answers follow the documented policies', async () => {
  const fb = await openFanbase({ data: join(FIXTURES, 'row-issues/csv'), asOf: rowIssues.AS_OF });
  assert.equal(await fb.summary(10), rowIssues.SUMMARY_10);
  assert.equal(await fb.summary(11), rowIssues.SUMMARY_11);
  assert.equal(
    (await fb.topFans(10, 10)).map((f) => f.user_id).sort((a, b) => a - b),
    rowIssues.ADULT_FANS_10,
  );
  await fb.close();
});

Open('a sparse export still answers, and TopFans shows no one', async () => {
  const fb = await openFanbase({ data: join(FIXTURES, 'sparse/csv'), asOf: sparse.AS_OF });
  assert.equal(await fb.summary(123), sparse.SUMMARY_123);
  assert.equal(await fb.topFans(123, 3), []);
  assert.equal(fb.report.warnings, sparse.WARNINGS);
  await fb.close();
});

Open('an empty TopFans answer says why, where a notebook looks: on the list itself', async () => {
  const thin = await openFanbase({ data: join(FIXTURES, 'sparse/csv'), asOf: sparse.AS_OF });
  const none = await thin.topFans(123, 3);
  assert.is(none.length, 0);
  assert.is(
    none.reason,
    'the data has no birth dates, so no fan can be shown: minors are never shown and no one is known to be an adult',
  );
  // printed in a notebook cell, the reason shows beside the empty list; as JSON the list stays []
  assert.match(inspect(none), /reason: 'the data has no birth dates/);
  assert.is(JSON.stringify(none), '[]');
  assert.match((await thin.explainTopFans(123, 3)).reason ?? '', /no birth dates/);
  await thin.close();
  const fb = await openFanbase({ data: join(FIXTURES, 'edge-cases/csv'), asOf: edge.AS_OF });
  assert.match((await fb.topFans(999, 3)).reason ?? '', /^artist 999 has no fans as of 2026-06-15/);
  // a list with fans has no reason
  assert.is((await fb.topFans(123, 3)).reason, undefined);
  await fb.close();
});

Open('picks up fanbase.json beside the data, or a mapping given by path', async () => {
  const dir = join(FIXTURES, 'edge-cases/mapped');
  const byPath = await openFanbase({ data: dir, mapping: join(dir, 'fanbase.json'), asOf: edge.AS_OF });
  assert.equal(await byPath.summary(123), edge.SUMMARIES[0]);
  await byPath.close();
  await expectFanbaseError(
    () => openFanbase({ data: join(FIXTURES, 'invalid/bad-mapping') }),
    'INVALID_MAPPING',
    /fanbase.json: users.columns.user is not a column of users/,
  );
});

Open('bad options fail before any data is read', async () => {
  await expectFanbaseError(
    () => openFanbase({ data: '/nowhere', asOf: 'yesterday' }),
    'INVALID_ARGUMENT',
    /asOf must be a date/,
  );
  await expectFanbaseError(
    () => openFanbase({ data: '/nowhere' }),
    'DATA_NOT_FOUND',
    /^data folder \/nowhere does not exist: check the path$/,
  );
});

Open('a file given as data is refused: a folder of exports, or a snapshot to open, is expected', async () => {
  const file = join(FIXTURES, 'edge-cases/parquet/users.parquet');
  await expectFanbaseError(
    () => openFanbase({ data: file }),
    'INVALID_ARGUMENT',
    /users.parquet is a file: expected a folder of exports \(users, streams, follows\) \(.*edge-cases\/parquet holds it\), or a .duckdb snapshot prepared by fanbase prepare$/,
  );
  const out = join(mkdtempSync(join(tmpdir(), 'fanbase-file-')), 'x.duckdb');
  await expectFanbaseError(
    () => prepareFanbase({ data: file, out }),
    'INVALID_ARGUMENT',
    /users.parquet is a file: expected a folder of exports \(users, streams, follows\) \(.*edge-cases\/parquet holds it\)$/,
  );
  await expectFanbaseError(
    () => prepareFanbase({ data: file, engine: 'clickhouse', clickhouse: { url: 'chdb:/nowhere' } }),
    'INVALID_ARGUMENT',
    /users.parquet is a file: expected a folder of exports/,
  );
});

Open('the demo dataset is the default, and artist 123 has a rich fan base', async () => {
  const fb = await openFanbase({ asOf: '2026-07-01' });
  assert.ok(DEMO_DATA_DIR.endsWith('/fixtures/demo/'));
  const summary = await fb.summary(123);
  assert.ok(summary.success);
  assert.ok(summary.total_fans > 1000, String(summary.total_fans));
  assert.is(summary.fans_top_countries.length, 3);
  assert.ok(
    summary.fans_median_age !== null && summary.fans_median_age >= 18 && summary.fans_median_age <= 60,
  );
  const top = await fb.topFans(123, 3);
  assert.equal(
    top.map((f) => f.rank),
    [1, 2, 3],
  );
  assert.ok(
    top.every((f, i) => f.score > 0 && f.score <= 1 && (i === 0 || (top[i - 1]?.score ?? 0) >= f.score)),
  );
  assert.ok(fb.report.issues.length > 0, 'the demo shows off the data report');
  await fb.close();
});

Open('a notebook importing the package by name gets plain numbers', () => {
  const out = execFileSync(
    process.execPath,
    [join(import.meta.dirname, 'support/notebook.mjs'), join(FIXTURES, 'edge-cases/parquet')],
    {
      encoding: 'utf8',
    },
  );
  const { summary, top } = JSON.parse(out);
  assert.equal(summary, edge.SUMMARIES[0]);
  assert.equal(
    top.map((f: { user_id: number }) => f.user_id),
    [1, 2, 5],
  );
});

Open.run();

const Snapshot = suite('prepareFanbase and snapshots');

Snapshot(
  'a prepared snapshot answers exactly as the exports do, read-only, without the exports',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fanbase-snapshot-'));
    const out = join(dir, 'edge.duckdb');
    const report = await prepareFanbase({
      data: join(FIXTURES, 'edge-cases/parquet'),
      asOf: edge.AS_OF,
      out,
    });
    assert.equal(report.totals, edge.REPORT.totals);
    assert.equal(readdirSync(dir), ['edge.duckdb'], 'no temporary file or WAL left');
    const a = await openFanbase({ data: out });
    const b = await openFanbase({ data: out }); // several readers at once
    assert.is(a.settings.asOf, edge.AS_OF);
    // the snapshot stores the data report; how the prepare went is returned beside it only, and so are
    // the timings of the prepare's own steps, which end after the report is stored
    const { prepare, timings, ...stored } = report;
    assert.equal(prepare, { mode: 'full', reason: null, parts_read: 1, parts_kept: 0 });
    const { timings: loadTimings, ...kept } = a.report;
    assert.equal(kept, stored);
    assert.equal(Object.keys(timings), [...Object.keys(loadTimings), 'keep windows', 'write snapshot']);
    for (const expected of edge.SUMMARIES) assert.equal(await a.summary(expected.artist_id), expected);
    assert.equal(
      (await b.topFans(123, 100)).map((f) => ({ ...f, score: round(f.score) })),
      edge.TOP_FANS_123,
    );
    await a.close();
    await b.close();
  },
);

Snapshot('options that would change a snapshot are refused, not ignored', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'fanbase-snapshot-')), 'edge.duckdb');
  await prepareFanbase({ data: join(FIXTURES, 'edge-cases/csv'), asOf: edge.AS_OF, out });
  await expectFanbaseError(
    () => openFanbase({ data: out, asOf: '2026-06-16' }),
    'INVALID_OPTIONS',
    /prepared as of 2026-06-15, not 2026-06-16/,
  );
  await expectFanbaseError(
    () => openFanbase({ data: out, score: { halfLifeDays: 7 } }),
    'INVALID_OPTIONS',
    /score cannot change a prepared snapshot/,
  );
  const same = await openFanbase({ data: out, asOf: edge.AS_OF });
  await same.close();
});

Snapshot('a failed prepare leaves the previous snapshot as it was', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fanbase-snapshot-'));
  const out = join(dir, 'snap.duckdb');
  await prepareFanbase({ data: join(FIXTURES, 'edge-cases/csv'), asOf: edge.AS_OF, out });
  const before = readFileSync(out);
  await expectFanbaseError(
    () => prepareFanbase({ data: join(FIXTURES, 'invalid/wrong-type'), out }),
    'DATA_WRONG_TYPE',
    /ms_played/,
  );
  assert.ok(readFileSync(out).equals(before));
  assert.equal(readdirSync(dir), ['snap.duckdb']);
  const fb = await openFanbase({ data: out });
  assert.equal(await fb.summary(123), edge.SUMMARIES[0]);
  await fb.close();
});

Snapshot('what is not a snapshot is said so', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fanbase-snapshot-'));
  writeFileSync(join(dir, 'junk.duckdb'), 'not a database');
  await expectFanbaseError(
    () => openFanbase({ data: join(dir, 'junk.duckdb') }),
    'DATA_UNREADABLE',
    /cannot be opened as a fanbase snapshot/,
  );
  await expectFanbaseError(
    () => prepareFanbase({ data: join(FIXTURES, 'edge-cases/csv'), out: join(dir, 'x.db') }),
    'INVALID_ARGUMENT',
    /a snapshot file name ends with .duckdb/,
  );
});

Snapshot('prepare needs out with duckdb, and refuses it with clickhouse', async () => {
  await expectFanbaseError(() => prepareFanbase({}), 'INVALID_ARGUMENT', /out is required/);
  await expectFanbaseError(
    () => prepareFanbase({ engine: 'clickhouse', clickhouse: { url: 'chdb:/tmp/x' }, out: 'x.duckdb' }),
    'INVALID_ARGUMENT',
    /^out is for the duckdb engine/,
  );
});

Snapshot.run();
