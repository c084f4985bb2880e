/**
 * The commands with --engine clickhouse, as a user runs them (built binaries, separate processes, chdb in a
 * folder): prepare loads the exports, topfans answers what it answers with DuckDB, check prints the report.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { at, run } from '../../support/cli.js';
import { FIXTURES } from '../../support/duckdb.js';

const Engine = suite('commands with --engine clickhouse');

Engine('prepare, then topfans and check read ClickHouse; each mistake says what to fix', () => {
  const folder = mkdtempSync(join(tmpdir(), 'fanbase-cli-chdb-'));
  const clickhouse = ['--engine', 'clickhouse', '--clickhouse-url', `chdb:${folder}/db`];
  try {
    const prepared = run('fanbase', ['prepare', ...clickhouse, ...at('edge-cases/csv')]);
    assert.is(prepared.code, 0, prepared.stderr);
    assert.match(
      prepared.stderr,
      /exports loaded into ClickHouse as of 2026-06-15 in \d+\.\d s: 28 streams, 16 fans of 3 artists/,
    );

    const expected = readFileSync(join(FIXTURES, 'edge-cases/expected/topfans-123-3.csv'), 'utf8');
    const top = run('topfans', [
      ...clickhouse,
      '--as-of',
      '2026-06-15',
      '--artist_id',
      '123',
      '--nb_fans',
      '3',
    ]);
    assert.is(top.code, 0, top.stderr);
    assert.is(top.stdout, expected);
    // the same from the environment, as the API and docker-compose read it
    const fromEnv = run('topfans', ['--as-of', '2026-06-15', '--artist_id', '123', '--nb_fans', '3'], {
      FANBASE_ENGINE: 'clickhouse',
      FANBASE_CLICKHOUSE_URL: `chdb:${folder}/db`,
    });
    assert.is(fromEnv.stdout, expected);

    const check = run('fanbase', ['check', ...clickhouse, '--as-of', '2026-06-15', '--json']);
    assert.is(check.code, 0, check.stderr);
    assert.equal(JSON.parse(check.stdout).totals.fans, 16);

    const again = run('fanbase', ['prepare', ...clickhouse, ...at('edge-cases/csv')]);
    assert.is(again.code, 2);
    assert.match(again.stderr, /already holds 12 rows: prepare loads exports into empty tables/);

    const withOut = run('fanbase', ['prepare', ...clickhouse, ...at('edge-cases/csv'), '--out', 'x.duckdb']);
    assert.match(withOut.stderr, /--out is for the duckdb engine/);
    const noUrl = run('topfans', ['--engine', 'clickhouse', '--artist_id', '1']);
    assert.is(noUrl.code, 2);
    assert.match(noUrl.stderr, /needs --clickhouse-url or FANBASE_CLICKHOUSE_URL/);
    const down = run('topfans', [
      '--engine',
      'clickhouse',
      '--clickhouse-url',
      'http://127.0.0.1:9',
      '--artist_id',
      '1',
    ]);
    assert.is(down.code, 1);
    assert.match(down.stderr, /^topfans: ClickHouse \(http:\/\/127\.0\.0\.1:9\) did not answer/m);
    assert.not.match(down.stderr, /ECONNREFUSED[\s\S]*at /, 'no stack trace');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

Engine.run();
