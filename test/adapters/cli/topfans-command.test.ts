import fc from 'fast-check';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli } from '../../../src/adapters/cli/run-cli.js';
import { topfansCli } from '../../../src/adapters/cli/topfans-command.js';
import { openFanbase } from '../../../src/open-fanbase.js';

/**
 * Property-based fuzzing of topfans' command line (issue 7), in process: generated argument lists from the
 * command's own flags, spellings and hostile values. Whatever is typed: exit code 0, 1 or 2; a failure says
 * why on stderr in one line beginning "topfans:", usage mistakes (2) add where to find the usage; never a
 * stack trace. --data always names a missing folder, so no run loads data: this is about the arguments.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const NO_DATA = '/nonexistent-fanbase-fuzz';

const value = fc.oneof(
  fc.constantFrom(
    '123',
    '0',
    '-1',
    '0x7b',
    '1e3',
    '12.5',
    '',
    ' ',
    'abc',
    '9007199254740993',
    '3',
    'csv',
    'json',
    '2026-06-15',
    '2026-02-30',
    'true',
    '--',
    '-',
  ),
  fc.string({ maxLength: 12 }),
  fc.integer().map(String),
);
const flag = fc.constantFrom(
  '--artist_id',
  '--artist-id',
  '--artistId',
  '--nb_fans',
  '--nb-fans',
  '--precision',
  '--format',
  '--output',
  '--explain',
  '--as-of',
  '--mapping',
  '--since',
  '--window-days',
  '--unknown',
  '-x',
  '--artist_id=12',
  '--nb_fans=-3',
  '--explain=yes',
  '--no-explain',
);
const token = fc.oneof({ arbitrary: flag, weight: 3 }, { arbitrary: value, weight: 2 });
const args = fc.array(token, { maxLength: 8 }).map((tokens) =>
  // paths are never generated: outputs and mappings point nowhere, and the data is always missing
  tokens.map((t, i) => (tokens[i - 1] === '--output' || tokens[i - 1] === '--mapping' ? `${NO_DATA}/x` : t)),
);

async function run(argv: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  let stderr = '';
  let stdout = '';
  const { write: errWrite } = process.stderr;
  const { write: outWrite } = process.stdout;
  const log = console.log;
  process.stderr.write = ((chunk: string) => {
    stderr += chunk;
    return true;
  }) as typeof process.stderr.write;
  process.stdout.write = ((chunk: string) => {
    stdout += chunk;
    return true;
  }) as typeof process.stdout.write;
  console.log = (...parts: unknown[]) => {
    stdout += `${parts.join(' ')}\n`;
  };
  process.exitCode = 0;
  try {
    await runCli(topfansCli(openFanbase), ['node', 'topfans', '--data', NO_DATA, ...argv]);
  } finally {
    process.stderr.write = errWrite;
    process.stdout.write = outWrite;
    console.log = log;
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { code, stderr, stdout };
}

const Fuzz = suite('topfans arguments under generated input');

Fuzz(`${RUNS} generated command lines: exit 0, 1 or 2, a one-line reason, never a stack trace`, async () => {
  const codes = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(args, async (argv) => {
      const { code, stderr } = await run(argv);
      codes.set(code, (codes.get(code) ?? 0) + 1);
      if (![0, 1, 2].includes(code)) return false;
      if (/\n\s+at /.test(stderr)) return false; // a stack trace
      const lines = stderr.split('\n').filter((l) => l !== '');
      if (code === 0) return true;
      if (!lines[0]?.startsWith('topfans: ')) return false;
      return code === 2
        ? lines.length === 2 && lines[1] === 'Run topfans --help for usage.'
        : lines.length === 1;
    }),
    { numRuns: RUNS },
  );
  // both kinds of failure are reached: usage mistakes (2) and, for well-formed lines, the missing data (1)
  assert.ok((codes.get(2) ?? 0) > 0 && (codes.get(1) ?? 0) > 0, JSON.stringify([...codes]));
});

Fuzz('the missing data is said in one line, with exit code 1', async () => {
  const { code, stderr } = await run(['--artist_id', '123']);
  assert.is(code, 1);
  assert.match(stderr, /^topfans: .*nonexistent-fanbase-fuzz/);
});

Fuzz.run();
