import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import * as edge from '../../fixtures/edge-cases/expected.js';
import * as rules from '../../fixtures/rules/expected.js';
import { at, COMMAND, run } from '../support/cli.js';
import { FIXTURES } from '../support/duckdb.js';

const Fanbase = suite('fanbase');

Fanbase('summary prints the five fields as one JSON line', () => {
  for (const expected of edge.SUMMARIES) {
    const out = run('fanbase', ['summary', String(expected.artist_id), ...at('edge-cases/parquet')]);
    assert.is(out.code, 0, out.stderr);
    assert.is(out.stdout, `${JSON.stringify(expected)}\n`);
  }
  const bad = run('fanbase', ['summary', 'abc']);
  assert.is(bad.code, 2);
  assert.match(bad.stderr, /artist_id must be a whole number from 0 to 9007199254740991, got "abc"/);
});

Fanbase('summary --window: the hand-worked answers of fixtures/rules over its windows', () => {
  for (const { window, summaries } of rules.WINDOWS) {
    for (const expected of summaries) {
      const args = [
        'summary',
        String(expected.artist_id),
        '--window',
        window,
        ...at('rules/csv', rules.AS_OF),
      ];
      const out = run('fanbase', args);
      assert.is(out.code, 0, out.stderr);
      assert.is(out.stdout, `${JSON.stringify(expected)}\n`, `${expected.artist_id} over ${window}`);
    }
  }
  const bad = run('fanbase', ['summary', '1', '--window', 'last-month']);
  assert.is(bad.code, 2);
  assert.match(bad.stderr, /--window must be "all", "7d", "28d", "12m" or a range/);
});

Fanbase('check prints the data report; --json as JSON; --strict fails on problem rows', () => {
  const text = run('fanbase', ['check', ...at('row-issues/csv')]);
  assert.is(text.code, 0);
  assert.match(text.stdout, /^Data report \(as of 2026-06-15\)/);
  assert.match(text.stdout, /users duplicate_user_id: 3\n {4}policy: user kept once/);
  // the answers' counts (consenting users) apart from the exports' rows (everyone), for the operator
  assert.match(text.stdout, /In the answers \(consenting users only\): 6 users, /);
  assert.match(
    text.stdout,
    /In the exports \(every row, consenting or not\): 7 users, 14 streams, 5 follows/,
  );
  const json = JSON.parse(run('fanbase', ['check', '--json', ...at('row-issues/csv')]).stdout);
  assert.is(json.totals.users, 7);
  assert.is(run('fanbase', ['check', '--strict', ...at('row-issues/csv')]).code, 1);
  const sparse = run('fanbase', ['check', '--strict', ...at('sparse/csv')]);
  assert.is(sparse.code, 1, 'a null consent is a problem row');
  assert.match(sparse.stdout, /Warnings:\n {2}users has no birth_date/);
  const broken = run('fanbase', ['check', '--data', join(FIXTURES, 'invalid/malformed-csv')]);
  assert.is(broken.code, 1);
  assert.match(broken.stderr, /malformed CSV at line 3/);
});

Fanbase('generate then prepare then topfans on the snapshot, as docs/cli.md says', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fanbase-cli-'));
  const data = join(dir, 'exports');
  const snapshot = join(dir, 'fanbase.duckdb');
  const generated = run('fanbase', [
    'generate',
    '--users',
    '3000',
    '--artists',
    '100',
    '--streams',
    '30000',
    '--seed',
    '5',
    '--out',
    data,
  ]);
  assert.equal([generated.code, generated.stdout], [0, '']);
  // not a terminal: no progress, one closing line with what was written (users, artists, streams given above)
  assert.match(
    generated.stderr,
    /^fanbase: \S+ written: 3,000 users, 100 artists, 30,000 streams in \d+\.\d s\n$/,
  );
  const prepared = run('fanbase', ['prepare', '--data', data, '--as-of', '2026-07-01', '--out', snapshot]);
  assert.is(prepared.code, 0, prepared.stderr);
  assert.match(
    prepared.stderr,
    /^fanbase: \S+fanbase.duckdb prepared as of 2026-07-01 in \d+\.\d s: \d+ fans of \d+ artists.*\n$/,
  );
  const direct = run('topfans', [
    '--artist_id',
    '1',
    '--nb_fans',
    '5',
    '--data',
    data,
    '--as-of',
    '2026-07-01',
  ]);
  const fromSnapshot = run('topfans', ['--artist_id', '1', '--nb_fans', '5', '--data', snapshot]);
  assert.is(fromSnapshot.stdout, direct.stdout);
  assert.is(fromSnapshot.stdout.trim().split('\n').length, 6);
  const summary = run('fanbase', ['summary', '1', '--data', snapshot]);
  assert.equal(
    JSON.parse(summary.stdout),
    JSON.parse(run('fanbase', ['summary', '1', '--data', data, '--as-of', '2026-07-01']).stdout),
  );
  // again onto the snapshot: nothing new to read but the users and follows, said in the closing line
  const again = run('fanbase', ['prepare', '--data', data, '--as-of', '2026-07-01', '--out', snapshot]);
  assert.is(again.code, 0, again.stderr);
  assert.match(
    again.stderr,
    /^fanbase: \S+ prepared as of 2026-07-01 in \d+\.\d s \(0 new stream part\(s\) added to the 1 it held\)/,
  );
  // a part rewritten since: a full prepare, and why, on stderr (not with --quiet)
  const part = join(data, 'streams', readdirSync(join(data, 'streams'))[0] as string);
  utimesSync(part, new Date(), new Date(Date.now() + 5_000));
  // (under a memory limit, which DuckDB spills past rather than fail)
  const rewritten = run('fanbase', [
    'prepare',
    '--data',
    data,
    '--as-of',
    '2026-07-01',
    '--out',
    snapshot,
    '--memory-limit',
    '256MB',
  ]);
  assert.is(rewritten.code, 0, rewritten.stderr);
  assert.match(
    rewritten.stderr,
    /^fanbase: a full prepare: the streams part \S+ changed since the snapshot read it\n/,
  );
  assert.match(rewritten.stderr, /\nfanbase: \S+ prepared as of 2026-07-01 in \d+\.\d s: /);
  const missing = run('fanbase', ['prepare', '--data', data]);
  assert.is(missing.code, 2);
  assert.match(missing.stderr, /--out is required/);
  const badLimit = run('fanbase', ['prepare', '--data', data, '--out', snapshot, '--memory-limit', 'lots']);
  assert.is(badLimit.code, 2);
  assert.match(badLimit.stderr, /--memory-limit must be a size such as 4GB or 512MiB, got "lots"/);
  const badSize = run('fanbase', ['generate', '--users', 'many', '--out', data]);
  assert.is(badSize.code, 2);
  assert.match(badSize.stderr, /--users must be a whole number/);
});

Fanbase(
  'a prepare killed mid-way leaves the previous snapshot usable, and the next one cleans up',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fanbase-kill-'));
    const data = join(dir, 'exports');
    const snapshot = join(dir, 'fanbase.duckdb');
    run('fanbase', [
      'generate',
      '--users',
      '20000',
      '--artists',
      '500',
      '--streams',
      '1000000',
      '--seed',
      '9',
      '--out',
      data,
    ]);
    assert.is(
      run('fanbase', ['prepare', '--data', data, '--as-of', '2026-07-01', '--out', snapshot]).code,
      0,
    );
    const before = run('fanbase', ['summary', '1', '--data', snapshot]).stdout;
    const victim = spawn(process.execPath, [
      COMMAND('fanbase'),
      'prepare',
      '--data',
      data,
      '--as-of',
      '2026-06-30',
      '--out',
      snapshot,
    ]);
    const temporary = `${snapshot}.${victim.pid}.tmp`;
    for (let i = 0; i < 200 && !existsSync(temporary); i++) await new Promise((r) => setTimeout(r, 10));
    assert.ok(existsSync(temporary), 'the prepare was caught mid-way');
    const killed = new Promise((r) => victim.once('exit', r));
    victim.kill('SIGKILL');
    await killed;
    assert.is(
      run('fanbase', ['summary', '1', '--data', snapshot]).stdout,
      before,
      'the old snapshot still answers',
    );
    assert.is(
      run('fanbase', ['prepare', '--data', data, '--as-of', '2026-07-01', '--out', snapshot]).code,
      0,
    );
    assert.equal(
      readdirSync(dir).sort(),
      ['exports', 'fanbase.duckdb'],
      'the leftovers of the killed prepare are gone',
    );
  },
);

Fanbase('token signs what the API accepts, and no token that would outlive FANBASE_JWT_MAX_LIFETIME', () => {
  const secret = { FANBASE_JWT_SECRET: 'a-test-secret-of-at-least-32-bytes!!' };
  const day = run('fanbase', ['token', '--artists', '123', '--expires-in', '24h'], secret);
  assert.is(day.code, 0, day.stderr);
  assert.match(day.stdout, /^eyJ[\w-]+\.[\w-]+\.[\w-]+\n$/);
  const month = run('fanbase', ['token', '--artists', '123', '--expires-in', '30d'], secret);
  assert.is(month.code, 2);
  assert.match(
    month.stderr,
    /--expires-in is longer than the 24h the API accepts \(FANBASE_JWT_MAX_LIFETIME\)/,
  );
  const allowed = run('fanbase', ['token', '--admin', '--expires-in', '30d'], {
    ...secret,
    FANBASE_JWT_MAX_LIFETIME: '30d',
  });
  assert.is(allowed.code, 0, allowed.stderr);
});

Fanbase('a file given as --data says that a folder of exports or a snapshot is expected', () => {
  const file = join(FIXTURES, 'edge-cases/csv/users.csv');
  const folder = join(FIXTURES, 'edge-cases/csv');
  const summary = run('fanbase', ['summary', '123', '--data', file]);
  assert.is(summary.code, 2);
  assert.is(
    summary.stderr,
    `fanbase: --data ${file} is a file: expected a folder of exports (users, streams, follows) (${folder} holds it), or a .duckdb snapshot prepared by fanbase prepare\nRun fanbase --help for usage.\n`,
  );
  const out = join(mkdtempSync(join(tmpdir(), 'fanbase-file-')), 'x.duckdb');
  const prepare = run('fanbase', ['prepare', '--data', file, '--out', out]);
  assert.is(prepare.code, 2);
  assert.match(
    prepare.stderr,
    /^fanbase: --data .*users.csv is a file: expected a folder of exports \(users, streams, follows\) \(.*edge-cases\/csv holds it\)\n/,
  );
  assert.not.ok(existsSync(out));
});

Fanbase('no command or an unknown one is a usage error', () => {
  for (const args of [[], ['nope']]) {
    const out = run('fanbase', args);
    assert.is(out.code, 2);
    assert.match(
      out.stderr,
      /(a command is needed|"nope" is not a command): use serve, summary, audience, generate, prepare, check/,
    );
  }
  const help = run('fanbase', ['--help']);
  assert.is(help.code, 0);
  assert.match(help.stdout, /serve {17}Serve the Fanbase web API/);
  for (const command of ['serve', 'summary', 'check']) {
    const sub = run('fanbase', [command, '--help']);
    assert.is(sub.code, 0, command);
    assert.match(sub.stdout, new RegExp(`\\$ fanbase ${command}`));
  }
});

Fanbase('serve runs the API on the given port until SIGTERM', async () => {
  const child = spawn(
    process.execPath,
    [COMMAND('fanbase'), 'serve', '--port', '0', '--host', '127.0.0.1', ...at('edge-cases/parquet')],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (c) => {
      stdout += c;
      const found = /"url":"([^"]+)"/.exec(stdout)?.[1];
      if (found && stdout.includes('dataset loaded')) resolve(found);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}`)));
  });
  const response = await fetch(`${url}/fanbase`, { method: 'POST', body: '{"artist_id": 123}' });
  assert.equal(await response.json(), edge.SUMMARIES[0]);
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  assert.is(await exited, 0);
});

Fanbase.run();
