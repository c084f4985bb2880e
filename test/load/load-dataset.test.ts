import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import * as edge from '../../fixtures/edge-cases/expected.js';
import * as rowIssues from '../../fixtures/row-issues/expected.js';
import * as sparse from '../../fixtures/sparse/expected.js';
import { resolveSettings, type SettingsOptions } from '../../src/domain/settings.js';
import { sqlFile } from '../../src/duckdb/sql-files.js';
import { dropAllBut, LOAD_RELATIONS, loadDataset } from '../../src/load/load-dataset.js';
import type { Mapping } from '../../src/load/mapping.js';
import { declaredGrain, declaredReads } from '../../src/sql-header.js';
import { FIXTURES, freshConnection } from '../support/duckdb.js';

async function load(dir: string, options: SettingsOptions, mapping: Mapping = {}, kept?: Set<string>) {
  const { conn, close } = await freshConnection();
  try {
    const report = await loadDataset(conn, join(FIXTURES, dir), mapping, resolveSettings(options));
    if (kept) await dropAllBut(conn, kept);
    const tables = (
      await conn.runAndReadAll('select table_name from information_schema.tables order by 1')
    ).getRowObjectsJS();
    return { report, tables: tables.map((t) => t.table_name) };
  } finally {
    close();
  }
}

const brief = (issues: { table: string; reason: string; count: number }[]) =>
  issues
    .map(({ table, reason, count }) => ({ table, reason, count }))
    .sort((a, b) => `${a.table}/${a.reason}`.localeCompare(`${b.table}/${b.reason}`));

const Load = suite('loadDataset');

Load('reports every problem row of row-issues by reason, with policy and examples', async () => {
  const { report } = await load('row-issues/csv', { asOf: rowIssues.AS_OF });
  assert.equal(brief(report.issues), brief(rowIssues.ISSUES));
  assert.equal(report.totals, rowIssues.TOTALS);
  for (const issue of report.issues) {
    assert.ok(issue.policy.length > 10, issue.reason);
    assert.ok(issue.examples.length >= 1 && issue.examples.length <= 3, issue.reason);
  }
  // examples name rows by ids only: no birth date, time or listening detail of anyone
  for (const issue of report.issues) {
    for (const example of issue.examples) assert.not.match(example, /\d{4}-\d{2}-\d{2}|\d{2}:\d{2}/, example);
  }
  const duplicates = report.issues.find((i) => i.reason === 'duplicate_user_id');
  assert.equal(duplicates?.examples, ['user_id 1 on 2 rows', 'user_id 2 on 2 rows', 'user_id 3 on 2 rows']);
  assert.equal(report.warnings, []);
});

Load('the edge cases report one null consent and one duplicate stream', async () => {
  const { report } = await load('edge-cases/csv', { asOf: edge.AS_OF });
  assert.equal(brief(report.issues), brief(edge.REPORT.issues));
  assert.equal(report.totals, edge.REPORT.totals);
  assert.is(report.as_of, '2026-06-15');
  assert.equal(
    report.sources.map((s) => [s.table, s.format, s.rows]),
    [
      ['users', 'csv', 12],
      ['streams', 'csv', 28],
      ['follows', 'csv', 3],
    ],
  );
});

Load('missing optional columns and tables become warnings saying what changes', async () => {
  const { report } = await load('sparse/csv', { asOf: sparse.AS_OF });
  assert.equal(report.warnings, sparse.WARNINGS);
  assert.is(report.sources[2]?.format, 'none');
  const { report: noFollows } = await load('edge-cases/csv', { asOf: edge.AS_OF }, { follows: false });
  assert.equal(noFollows.warnings, [
    'no follows export: fans are listeners only, and the score leaves follows at 0',
  ]);
  // without follows, user 11 (who only follows 123) is no longer a fan: 16 - 1
  assert.is(noFollows.totals.fans, 15);
});

Load(
  'builds every relation of sql/load; dropAllBut keeps only the tables an engine answers from',
  async () => {
    const all = await load('edge-cases/parquet', { asOf: edge.AS_OF });
    for (const relation of [
      'users',
      'follows',
      'streams_deduplicated',
      'streams_daily',
      'fans',
      'artist_profiles',
    ]) {
      assert.ok(all.tables.includes(relation), relation);
    }
    const kept = await load(
      'edge-cases/parquet',
      { asOf: edge.AS_OF },
      {},
      new Set(['fans', 'artist_profiles']),
    );
    assert.equal(kept.tables, ['artist_profiles', 'fans']);
  },
);

Load('a window keeps only the streams inside it', async () => {
  // last 7 days up to 06-15: from 06-09. Artist 123 keeps 1 (06-15), 2 (06-10), 3, 4, 6, 12 (06-13/14)
  // and 11 (follows): 7 fans; 5 (04-16), 9 and 10 (06-05) drop out.
  const { report } = await load('edge-cases/csv', { asOf: edge.AS_OF, fan: { windowDays: 7 } });
  // 200 keeps only 2 (06-12), 500 no one: 7 + 1 = 8 fans over 2 artists
  assert.equal([report.totals.fans, report.totals.artists_with_fans], [8, 2]);
});

Load('report examples are the same on every run: the first by user id, then by text', async () => {
  // user 1 streamed four artists twice at one instant each: four duplicate_stream rows of one user id, so
  // the user id alone does not pick the three examples; their text decides (artist 3, 5, 7 before 9)
  const dir = mkdtempSync(join(tmpdir(), 'fanbase-examples-'));
  writeFileSync(join(dir, 'users.csv'), 'user_id,birth_date,country,consent\n1,1990-01-01,FR,true\n');
  const rows = [9, 5, 3, 7].flatMap((artist) => [
    `1,${artist},2026-06-01T10:00:00Z,60000`,
    `1,${artist},2026-06-01T10:00:00Z,60000`,
  ]);
  writeFileSync(join(dir, 'streams.csv'), `user_id,artist_id,streamed_at,ms_played\n${rows.join('\n')}\n`);
  for (let run = 0; run < 3; run++) {
    const { conn, close } = await freshConnection();
    try {
      const report = await loadDataset(conn, dir, {}, resolveSettings({ asOf: '2026-06-15' }));
      const duplicates = report.issues.find((i) => i.reason === 'duplicate_stream');
      assert.equal(duplicates?.count, 4);
      assert.equal(duplicates?.examples, [
        'user_id 1, artist_id 3: 2 rows at one instant',
        'user_id 1, artist_id 5: 2 rows at one instant',
        'user_id 1, artist_id 7: 2 rows at one instant',
      ]);
    } finally {
      close();
    }
  }
});

Load('each relation is built after the relations it declares it reads', () => {
  LOAD_RELATIONS.forEach((name, i) => {
    for (const read of declaredReads(sqlFile(`load/${name}`))) {
      const at = (LOAD_RELATIONS as readonly string[]).indexOf(read);
      assert.ok(at < i, `${name} reads ${read}, built ${at < 0 ? 'never' : 'after it'}`);
    }
  });
});

Load('each relation holds the grain its header states: one row per key', async () => {
  for (const [dir, asOf] of [
    ['edge-cases/csv', edge.AS_OF],
    ['rules/csv', '2026-02-28'],
    ['row-issues/csv', rowIssues.AS_OF],
    ['demo', '2026-06-15'],
  ] as const) {
    const { conn, close } = await freshConnection();
    try {
      await loadDataset(conn, join(FIXTURES, dir), {}, resolveSettings({ asOf }));
      for (const name of LOAD_RELATIONS) {
        const grain = declaredGrain(sqlFile(`load/${name}`));
        assert.ok(grain, `${name} states its grain`);
        const [row] = (
          await conn.runAndReadAll(
            `select count(*)::integer as rows, count(distinct (${(grain as string[]).join(', ')}))::integer as keys from ${name}`,
          )
        ).getRowObjectsJS();
        // the edge cases fill every relation: the check is not vacuous
        if (dir === 'edge-cases/csv') assert.ok((row?.rows as number) > 0, `${dir}: ${name} has rows`);
        assert.is(row?.rows, row?.keys, `${dir}: ${name} is one row per (${grain?.join(', ')})`);
      }
    } finally {
      close();
    }
  }
});

Load.run();
