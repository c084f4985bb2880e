import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { type FanbaseTools, fanbaseCli } from '../../../src/adapters/cli/fanbase-command.js';
import { runCli } from '../../../src/adapters/cli/run-cli.js';
import type { DataReport } from '../../../src/domain/data-report.js';

/** The command with stand-in tools: what each one is asked, and what the command prints and exits with. */
async function fanbase(argv: string[], tools: Partial<FanbaseTools> = {}) {
  const asked: Record<string, unknown[]> = {};
  const record = (name: string) => (value: unknown) => {
    asked[name] = [...(asked[name] ?? []), value];
  };
  const all: FanbaseTools = {
    open: async (options) => {
      record('open')(options);
      throw new Error('not opened in this test');
    },
    prepare: async (options) => {
      record('prepare')(options);
      return {
        as_of: '2026-06-15',
        totals: { fans: 1, artists_with_fans: 1 },
        issues: [],
      } as unknown as DataReport;
    },
    serve: async (flags) => record('serve')(flags),
    maxTokenLifetime: () => 86_400,
    ...tools,
  };
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write;
  const err = process.stderr.write;
  process.stdout.write = ((chunk: string) => {
    stdout += chunk;
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => {
    stderr += chunk;
    return true;
  }) as typeof process.stderr.write;
  process.exitCode = 0;
  try {
    await runCli(fanbaseCli(all), ['node', 'fanbase', ...argv]);
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
  const code = process.exitCode;
  process.exitCode = 0;
  return { asked, stdout, stderr, code };
}

const Command = suite('fanbaseCli');

Command('serve hands the API the flags given, with the data flags and the engine', async () => {
  const { asked, code } = await fanbase([
    'serve',
    '--port',
    '9090',
    '--data',
    '/x',
    '--engine',
    'clickhouse',
    '--clickhouse-url',
    'http://ch:8123',
  ]);
  assert.is(code, 0);
  const [flags] = asked.serve as [Record<string, unknown>];
  assert.is(flags.port, 9090);
  assert.is(flags.host, undefined);
  assert.is(flags.data, '/x');
  assert.is(flags.engine, 'clickhouse');
  assert.is((flags.clickhouse as { url: string }).url, 'http://ch:8123');
});

Command('prepare asks the library to prepare the snapshot named by --out', async () => {
  const { asked, stderr, code } = await fanbase(['prepare', '--data', '/x', '--out', 'f.duckdb']);
  assert.is(code, 0, stderr);
  assert.is((asked.prepare as [Record<string, unknown>])[0].out, 'f.duckdb');
  assert.match(stderr, /f\.duckdb prepared as of 2026-06-15/);
});

Command('token signs no token longer than the lifetime the API accepts', async () => {
  const secret = process.env.FANBASE_JWT_SECRET;
  process.env.FANBASE_JWT_SECRET = 'a-test-secret-of-at-least-32-bytes!!';
  try {
    const short = await fanbase(['token', '--artists', '1', '--expires-in', '1h'], {
      maxTokenLifetime: () => 3600,
    });
    assert.is(short.code, 0, short.stderr);
    assert.match(short.stdout, /^eyJ/);
    const long = await fanbase(['token', '--artists', '1', '--expires-in', '2h'], {
      maxTokenLifetime: () => 3600,
    });
    assert.is(long.code, 2);
    assert.match(long.stderr, /--expires-in is longer than the 1h the API accepts/);
  } finally {
    if (secret === undefined) delete process.env.FANBASE_JWT_SECRET;
    else process.env.FANBASE_JWT_SECRET = secret;
  }
});

Command.run();
