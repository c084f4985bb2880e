import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { NEVER_SHOWN } from '../../fixtures/edge-cases/expected.js';
import * as rules from '../../fixtures/rules/expected.js';
import { LOAD_STEPS } from '../../src/load/load-dataset.js';
import { at, COMMAND, run } from '../support/cli.js';
import { FIXTURES } from '../support/duckdb.js';
import {
  canGiveAway,
  makeFifo,
  OTHER_UID,
  plantLink,
  stickyLayout,
  WRITER_UID,
} from '../support/hostile-folder.js';
import { runInTerminal } from '../support/terminal.js';

const expected = (name: string) => readFileSync(join(FIXTURES, 'edge-cases/expected', name), 'utf8');
const Topfans = suite('topfans');

Topfans("prints the specification's CSV, byte for byte, from every format of the edge cases", () => {
  for (const variant of ['csv', 'parquet', 'jsonl', 'mapped', 'semicolon']) {
    const out = run('topfans', ['--artist_id', '123', '--nb_fans', '3', ...at(`edge-cases/${variant}`)]);
    assert.is(out.code, 0, out.stderr);
    assert.is(out.stdout, expected('topfans-123-3.csv'), variant);
    // not a terminal: no progress, one closing line once the exports are read
    const folder = join(FIXTURES, `edge-cases/${variant}`).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    assert.match(
      out.stderr,
      new RegExp(`^topfans: ${folder} read and checked as of 2026-06-15 in \\d+\\.\\d s\n$`),
    );
  }
});

Topfans('accepts --artist_id 123, --artist_id=123 and --artist-id 123 alike', () => {
  for (const flags of [
    ['--artist_id', '123', '--nb_fans', '3'],
    ['--artist_id=123', '--nb_fans=3'],
    ['--artist-id', '123', '--nb-fans', '3'],
  ]) {
    assert.is(
      run('topfans', [...flags, ...at('edge-cases/csv')]).stdout,
      expected('topfans-123-3.csv'),
      flags.join(' '),
    );
  }
});

Topfans('fewer fans than asked: those there are; options change precision, format, columns', () => {
  const base = ['--artist_id', '123', ...at('edge-cases/parquet')];
  assert.is(run('topfans', [...base, '--nb_fans', '100']).stdout, expected('topfans-123-100.csv'));
  assert.is(
    run('topfans', [...base, '--nb_fans', '3', '--precision', '4']).stdout,
    expected('topfans-123-3-precision4.csv'),
  );
  assert.is(
    run('topfans', [...base, '--nb_fans', '3', '--explain']).stdout,
    expected('topfans-123-3-explain.csv'),
  );
  const json = run('topfans', [
    '--artist_id',
    '500',
    '--nb_fans',
    '10',
    '--format',
    'json',
    ...at('edge-cases/parquet'),
  ]);
  assert.is(json.stdout, expected('topfans-500-10.json'));
  assert.ok(Array.isArray(JSON.parse(json.stdout)));
});

Topfans('no one to show: the header alone, exit 0, and why on stderr', () => {
  for (const artist of ['300', '400', '999']) {
    const out = run('topfans', ['--artist_id', artist, '--nb_fans', '3', '--quiet', ...at('edge-cases/csv')]);
    assert.equal([out.code, out.stdout], [0, expected('topfans-header-only.csv')]);
    assert.match(out.stderr, new RegExp(`^topfans: artist ${artist} has no fans as of 2026-06-15`));
    assert.is(out.stderr.trim().split('\n').length, 1);
  }
  const noBirthDates = run('topfans', ['--artist_id', '123', ...at('sparse/csv')]);
  assert.equal([noBirthDates.code, noBirthDates.stdout], [0, expected('topfans-header-only.csv')]);
  assert.match(noBirthDates.stderr, /the data has no birth dates, so no fan can be shown/);
  const dir = mkdtempSync(join(tmpdir(), 'fanbase-minors-'));
  writeFileSync(
    join(dir, 'users.csv'),
    'user_id,birth_date,country,consent\n1,2012-01-01,FR,true\n2,,FR,true\n',
  );
  writeFileSync(
    join(dir, 'streams.csv'),
    'user_id,artist_id,streamed_at\n1,7,2026-06-01T10:00:00Z\n2,7,2026-06-01T10:00:00Z\n',
  );
  const minors = run('topfans', ['--artist_id', '7', '--data', dir, '--as-of', '2026-06-15']);
  assert.equal([minors.code, minors.stdout], [0, expected('topfans-header-only.csv')]);
  assert.match(minors.stderr, /artist 7: none of its 2 fans is known to be an adult/);
});

Topfans('never shows a minor, an unknown age or a non-consenting user, for any artist', () => {
  for (const variant of ['csv', 'parquet', 'jsonl', 'mapped']) {
    for (const artist of ['123', '200', '300', '400', '500', '999']) {
      const out = run('topfans', [
        '--artist_id',
        artist,
        '--nb_fans',
        '1000',
        ...at(`edge-cases/${variant}`),
      ]);
      const shown = out.stdout
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => Number(l.split(',')[2]));
      for (const user of NEVER_SHOWN)
        assert.not.ok(shown.includes(user), `${variant} artist ${artist} shows ${user}`);
    }
  }
});

Topfans(
  'on the demo data, every shown fan is a consenting adult, checked against the raw users export',
  async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const { ageAt } = await import('../../src/domain/age.js');
    const { isAdult } = await import('../../src/domain/policy.js');
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    const rows = (
      await conn.runAndReadAll(
        `select user_id::integer as id, birth_date::varchar as birth, country, consent
       from read_parquet('${join(FIXTURES, 'demo/users.parquet')}')`,
      )
    ).getRowObjectsJS() as {
      id: number;
      birth: string | null;
      country: string | null;
      consent: boolean | null;
    }[];
    conn.closeSync();
    instance.closeSync();
    const users = new Map<number, (typeof rows)[number][]>();
    for (const row of rows) users.set(row.id, [...(users.get(row.id) ?? []), row]);
    let checked = 0;
    for (const artist of ['123', '100', '101', '150', '399']) {
      const out = run('topfans', [
        '--artist_id',
        artist,
        '--nb_fans',
        '100000',
        '--data',
        join(FIXTURES, 'demo'),
        '--as-of',
        '2026-07-01',
      ]);
      for (const line of out.stdout.trim().split('\n').slice(1)) {
        const id = Number(line.split(',')[2]);
        const records = users.get(id) ?? [];
        assert.is(records.length, 1, `user ${id} appears once in users`);
        const [user] = records as [(typeof rows)[number]];
        assert.is(user.consent, true, `user ${id} consented`);
        assert.ok(
          user.birth !== null && isAdult(ageAt(user.birth, '2026-07-01'), user.country),
          `user ${id} is an adult`,
        );
        checked += 1;
      }
    }
    assert.ok(checked > 1000, `checked ${checked} fans`);
  },
);

Topfans('--window ranks over the days asked, from the exports and from a snapshot alike', () => {
  // fixtures/rules/expected.ts WINDOWS: over 2026-02-01..2026-02-21 the only fan of 1 is user 2 (0.4569);
  // over the last 7 days, the adult among users 1 and 3 is user 3 (0.3250)
  const args = ['--artist_id', '1', '--as-of', rules.AS_OF, '--quiet'];
  const byWindow: [string, string][] = [
    ['2026-02-01..2026-02-21', '1,1,2,"FR",0.46'],
    ['7d', '1,1,3,"FR",0.32'],
    ['all', '1,1,2,"FR",0.44\n2,1,3,"FR",0.32'],
  ];
  const dir = mkdtempSync(join(tmpdir(), 'fanbase-window-'));
  const snapshot = join(dir, 'rules.duckdb');
  const prepared = run('fanbase', ['prepare', ...at('rules/csv', rules.AS_OF), '--out', snapshot, '--quiet']);
  assert.is(prepared.code, 0, prepared.stderr);
  for (const [window, lines] of byWindow) {
    for (const data of [join(FIXTURES, 'rules/csv'), snapshot]) {
      const out = run('topfans', [...args, '--window', window, '--data', data]);
      assert.is(out.code, 0, out.stderr);
      assert.is(out.stdout, `rank,artist_id,user_id,country,score\n${lines}\n`, `${window} from ${data}`);
    }
  }
  rmSync(dir, { recursive: true, force: true });
  const window = ['--window', '2026-02-01..2026-02-21', '--data', join(FIXTURES, 'rules/csv')];
  const none = run('topfans', ['--artist_id', '2', '--as-of', rules.AS_OF, ...window]);
  assert.is(none.code, 0, none.stderr);
  assert.match(
    none.stderr,
    /^topfans: artist 2 has no fans in window 2026-02-01\.\.2026-02-21 \(2026-02-01 to 2026-02-21\): no consenting user streamed it for 30 s or more or follows it\n$/m,
  );
});

Topfans('command-line mistakes: a usage message on stderr, nothing on stdout, exit 2', () => {
  const cases: [string[], RegExp][] = [
    [[], /--artist_id is required/],
    [['--nb_fans', '3'], /--artist_id is required/],
    [['--artist_id'], /value is missing|--artist_id needs a value/],
    [['--artist_id', 'abc'], /--artist_id must be a whole number from 0 to 9007199254740991, got "abc"/],
    [['--artist_id', '12.5'], /--artist_id must be a whole number .* got "12.5"/],
    [['--artist_id', '123', '--nb_fans', '0'], /--nb_fans must be a whole number from 1/],
    [['--artist_id', '123', '--nb_fans', 'lots'], /--nb_fans must be a whole number from 1 .* got "lots"/],
    [['--artist_id', '123', '--nb_fans=-3'], /--nb_fans must be a whole number from 1 .* got "-3"/],
    [['--artist_id', '1', '--artist_id', '2'], /--artist_id is given 2 times: give it once/],
    [['--artist_id', '123', '--bogus'], /Unknown option `--bogus`/],
    [['--artist_id', '123', '--format', 'xml'], /--format must be one of csv, json, got "xml"/],
    [['--artist_id', '123', '--precision', '20'], /--precision must be a whole number from 0 to 15/],
    [
      ['--artist_id', '123', '--as-of', '2026-02-30'],
      /--as-of must be a date written YYYY-MM-DD, got "2026-02-30"/,
    ],
    [['--artist_id', '123', '--window', '30d'], /--window must be "all", "7d", "28d", "12m" or a range/],
    [
      ['--artist_id', '123', '--window', '2026-06-30..2026-06-01'],
      /--window 2026-06-30\.\.2026-06-01 starts after it ends/,
    ],
    [
      ['--artist_id', '1', '--window', '2026-02-01..2026-03-01', ...at('rules/csv', '2026-02-28')],
      /--window 2026-02-01\.\.2026-03-01 ends after as_of \(2026-02-28\)/,
    ],
    [
      ['--artist_id', '123', '--output', '/nonexistent/dir/top.csv', ...at('edge-cases/csv')],
      /--output \/nonexistent\/dir\/top.csv: cannot write in \/nonexistent\/dir/,
    ],
  ];
  for (const [args, message] of cases) {
    const out = run('topfans', args);
    assert.is(out.code, 2, `${args.join(' ')}: ${out.stderr}`);
    assert.is(out.stdout, '', args.join(' '));
    assert.match(out.stderr, message, args.join(' '));
    assert.match(out.stderr, /Run topfans --help for usage\./);
    assert.not.match(out.stderr, /\n\s+at /, 'no stack trace');
  }
});

Topfans('data problems: the file and column named on stderr, exit 1', () => {
  const cases: [string, RegExp][] = [
    [
      'invalid/wrong-type',
      /wrong-type\/streams.csv: column "ms_played" \(streams.ms_played\) expects whole numbers/,
    ],
    ['invalid/missing-column', /missing-column\/users.csv: no column "user_id"/],
    ['invalid/malformed-csv', /malformed-csv\/streams.csv: malformed CSV at line 3/],
    ['invalid/no-streams', /streams: no export in/],
    ['invalid/bad-mapping', /users.columns.user is not a column of users/],
  ];
  for (const [dir, message] of cases) {
    const out = run('topfans', ['--artist_id', '123', '--data', join(FIXTURES, dir)]);
    assert.equal([out.code, out.stdout], [1, ''], dir);
    assert.match(out.stderr, message, dir);
    assert.not.match(out.stderr, /\n\s+at /, 'no stack trace');
  }
});

Topfans('closing the pipe early (| head -1) ends quietly with exit 0', () => {
  const script = `"${process.execPath}" "${COMMAND('topfans')}" --artist_id 123 --nb_fans 3000 --as-of 2026-07-01 --quiet | head -1; echo "exit=\${PIPESTATUS[0]}"`;
  const out = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
  assert.is(out.stdout, 'rank,artist_id,user_id,country,score\nexit=0\n');
  assert.is(out.stderr, '');
});

Topfans('--output writes the file atomically and leaves nothing behind', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fanbase-output-'));
  const file = join(dir, 'top.csv');
  const out = run('topfans', [
    '--artist_id',
    '123',
    '--nb_fans',
    '3',
    '--output',
    file,
    ...at('edge-cases/csv'),
  ]);
  assert.equal([out.code, out.stdout], [0, '']);
  assert.is(readFileSync(file, 'utf8'), expected('topfans-123-3.csv'));
  // a failing run leaves the previous file as it was, and no temporary file
  const failed = run('topfans', [
    '--artist_id',
    '123',
    '--output',
    file,
    '--data',
    join(FIXTURES, 'invalid/wrong-type'),
  ]);
  assert.is(failed.code, 1);
  assert.is(readFileSync(file, 'utf8'), expected('topfans-123-3.csv'));
  assert.equal(readdirSync(dir), ['top.csv']);
});

Topfans('a full disk is one line on stderr and exit 1', () => {
  const out = spawnSync(
    'bash',
    [
      '-c',
      `"${process.execPath}" "${COMMAND('topfans')}" --artist_id 123 --quiet --data "${join(FIXTURES, 'edge-cases/csv')}" > /dev/full`,
    ],
    {
      encoding: 'utf8',
    },
  );
  assert.is(out.status, 1);
  assert.is(out.stderr, 'topfans: cannot write the output (ENOSPC)\n');
});

Topfans('--output keeps the permissions of the file it replaces and follows a symbolic link', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fanbase-output-'));
  const file = join(dir, 'private.csv');
  writeFileSync(file, 'old\n', { mode: 0o600 });
  symlinkSync(file, join(dir, 'link.csv'));
  const out = run('topfans', [
    '--artist_id',
    '123',
    '--nb_fans',
    '3',
    '--output',
    join(dir, 'link.csv'),
    ...at('edge-cases/csv'),
  ]);
  assert.is(out.code, 0, out.stderr);
  assert.is(readFileSync(file, 'utf8'), expected('topfans-123-3.csv'));
  assert.is(statSync(file).mode & 0o777, 0o600);
  assert.ok(lstatSync(join(dir, 'link.csv')).isSymbolicLink());
});

/** `topfans --output <path>` on the edge cases, as a user runs it. */
const topfansTo = (path: string) =>
  run('topfans', ['--artist_id', '123', '--nb_fans', '3', '--output', path, ...at('edge-cases/csv')]);
const refused = (message: string) => `topfans: ${message}\nRun topfans --help for usage.\n`;

Topfans('--output refuses a link another user planted in a sticky world-writable folder (exit 2)', () => {
  if (!canGiveAway('topfans --output refuses a planted link')) return;
  const { sticky, target } = stickyLayout();
  const link = plantLink(target, join(sticky, 'top.csv'), OTHER_UID);
  const out = topfansTo(link);
  assert.equal([out.code, out.stdout], [2, '']);
  assert.is(
    out.stderr,
    refused(
      `--output ${link} is a symbolic link owned by uid ${OTHER_UID} in the sticky world-writable folder ${sticky}: another user may have planted it; write to a path you own`,
    ),
  );
  assert.is(readFileSync(target, 'utf8'), 'precious\n', 'the file it points to is untouched');
  assert.equal(readdirSync(sticky), ['top.csv'], 'no temporary file left');
  // the same link, made by the writer itself, is followed
  plantLink(target, join(sticky, 'mine.csv'), WRITER_UID);
  const own = topfansTo(join(sticky, 'mine.csv'));
  assert.is(own.code, 0, own.stderr);
  assert.is(readFileSync(target, 'utf8'), expected('topfans-123-3.csv'));
  assert.is(statSync(target).mode & 0o777, 0o600, 'the old mode is kept');
});

Topfans('--output follows a link another user made in a folder that is not sticky', () => {
  if (!canGiveAway('topfans --output follows a link in a non-sticky folder')) return;
  const { sticky: shared, target } = stickyLayout();
  chmodSync(shared, 0o777);
  const out = topfansTo(plantLink(target, join(shared, 'top.csv'), OTHER_UID));
  assert.is(out.code, 0, out.stderr);
  assert.is(readFileSync(target, 'utf8'), expected('topfans-123-3.csv'));
});

Topfans('--output refuses a planted link among the folders of its path (exit 2)', () => {
  if (!canGiveAway('topfans --output refuses a planted folder link')) return;
  const { sticky, outside } = stickyLayout();
  const folderLink = plantLink(outside, join(sticky, 'reports'), OTHER_UID);
  const out = topfansTo(join(folderLink, 'top.csv'));
  assert.equal([out.code, out.stdout], [2, '']);
  assert.is(
    out.stderr,
    refused(
      `--output ${join(folderLink, 'top.csv')} goes through ${folderLink}, a symbolic link owned by uid ${OTHER_UID} in the sticky world-writable folder ${sticky}: another user may have planted it; write to a path you own`,
    ),
  );
  assert.equal(readdirSync(outside), ['precious.csv'], 'nothing written where the link points');
});

Topfans('--output refuses a FIFO and a device, and leaves them as they were (exit 2)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fanbase-output-'));
  const fifo = makeFifo(join(dir, 'fifo'));
  const out = topfansTo(fifo);
  assert.equal([out.code, out.stdout], [2, '']);
  assert.is(
    out.stderr,
    refused(
      `--output ${fifo} is a FIFO, not a regular file: give a regular file's path, or leave out --output to write to stdout`,
    ),
  );
  assert.ok(lstatSync(fifo).isFIFO());
  // a device node of our own, reached through a link (never /dev/null: a regression would replace it)
  const device = join(dir, 'null');
  if (spawnSync('mknod', [device, 'c', '1', '3']).status !== 0) {
    console.warn('\n  SKIPPED (mknod not permitted): topfans --output refuses a character device');
  } else {
    mkdirSync(join(dir, 'links'));
    symlinkSync(device, join(dir, 'links/top.csv'));
    const viaLink = topfansTo(join(dir, 'links/top.csv'));
    assert.equal([viaLink.code, viaLink.stdout], [2, '']);
    assert.is(
      viaLink.stderr,
      refused(
        `--output ${join(dir, 'links/top.csv')} is a character device (${device}), not a regular file: give a regular file's path, or leave out --output to write to stdout`,
      ),
    );
    assert.ok(lstatSync(device).isCharacterDevice());
    assert.equal(readdirSync(join(dir, 'links')), ['top.csv']);
  }
});

Topfans('--help and --version', () => {
  const help = run('topfans', ['--help']);
  assert.is(help.code, 0);
  assert.match(help.stdout, /\$ topfans --artist_id <id> \[--nb_fans <n>\] \[options\]/);
  for (const flag of [
    '--artist-id, --artist_id',
    '--nb-fans, --nb_fans',
    '--data',
    '--mapping',
    '--as-of',
    '--output',
    '--format',
    '--explain',
    '--precision',
  ]) {
    assert.ok(help.stdout.includes(flag), flag);
  }
  const version = run('topfans', ['--version']);
  assert.is(version.code, 0);
  assert.match(version.stdout, /^topfans\/\d+\.\d+\.\d+/);
});

Topfans('FANBASE_DATA and FANBASE_AS_OF stand in for --data and --as-of', () => {
  const out = run('topfans', ['--artist_id', '123', '--nb_fans', '3'], {
    FANBASE_DATA: join(FIXTURES, 'edge-cases/parquet'),
    FANBASE_AS_OF: '2026-06-15',
  });
  assert.is(out.stdout, expected('topfans-123-3.csv'));
});

Topfans('--quiet leaves stderr empty; a snapshot opens without a load, so without a closing line', () => {
  const quiet = run('topfans', ['--artist_id', '123', '--nb_fans', '3', '--quiet', ...at('edge-cases/csv')]);
  assert.equal([quiet.code, quiet.stdout, quiet.stderr], [0, expected('topfans-123-3.csv'), '']);
  const snapshot = join(mkdtempSync(join(tmpdir(), 'fanbase-quiet-')), 'edge.duckdb');
  const prepared = run('fanbase', ['prepare', '--quiet', ...at('edge-cases/csv'), '--out', snapshot]);
  assert.equal([prepared.code, prepared.stderr], [0, '']);
  const opened = run('topfans', ['--artist_id', '123', '--nb_fans', '3', '--data', snapshot]);
  assert.equal([opened.code, opened.stdout, opened.stderr], [0, expected('topfans-123-3.csv'), '']);
  const valued = run('topfans', ['--artist_id', '123', '--quiet=yes', ...at('edge-cases/csv')]);
  assert.is(valued.code, 2);
  assert.match(valued.stderr, /^topfans: Unused args: `yes`/);
});

Topfans('on a terminal, the load shows its steps on one line, cleared before the answer', () => {
  const { code, output } = runInTerminal([
    process.execPath,
    COMMAND('topfans'),
    '--artist_id',
    '123',
    '--nb_fans',
    '3',
    ...at('edge-cases/csv'),
  ]);
  assert.is(code, 0, output);
  // the first step is always drawn (later ones at most ten times a second): step 1 of the steps of a load
  assert.ok(
    output.startsWith(`\r\x1b[2K[1/${LOAD_STEPS.length}] read users (0 s)`),
    JSON.stringify(output.slice(0, 80)),
  );
  // the line is cleared, then the closing line, then the CSV (the terminal turns \n into \r\n)
  const cleared = output.lastIndexOf('\r\x1b[2K');
  const after = output.slice(cleared + '\r\x1b[2K'.length).replaceAll('\r\n', '\n');
  assert.match(after, /^topfans: \S+ read and checked as of 2026-06-15 in \d+\.\d s\n/);
  assert.ok(after.endsWith(expected('topfans-123-3.csv')), after);
});

Topfans.run();
