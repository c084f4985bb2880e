import { type CAC, cac } from 'cac';
import { DEFAULT_PRECISION, writeTopFans } from '../../output/top-fans-output.js';
import { VERSION } from '../../version.js';
import { checkOutputTarget, writeAtomically } from './atomic-file.js';
import { type OpenData, openFollowed, withDataFlags } from './data-flags.js';
import { oneOf, single, usage, wholeNumber } from './flags.js';
import { withQuietFlag } from './progress-line.js';
import { checkWindowFlag, windowFlag, withWindowFlag } from './window-flag.js';

/** `topfans --artist_id 123 --nb_fans 3`: an artist's top fans, as CSV on stdout. The program is `src/bin/topfans.ts`. */
export function topfansCli(open: OpenData): CAC {
  const cli = cac('topfans');
  withWindowFlag(
    withQuietFlag(
      withDataFlags(cli.command('', "Print an artist's top fans: consenting adults, best score first")),
    ),
  )
    .option('--artist-id, --artist_id <id>', 'Artist to rank the fans of (required)')
    .option('--nb-fans, --nb_fans <n>', 'How many fans to print at most (default: 10)')
    .option('--precision <digits>', `Decimals of the printed score, 0 to 15 (default: ${DEFAULT_PRECISION})`)
    .option('--format <format>', 'csv or json (default: csv)')
    .option('--output <file>', 'Write to this file (atomically) instead of stdout')
    .option('--explain', "Add the score's components as columns")
    .usage('--artist_id <id> [--nb_fans <n>] [options]')
    .example('topfans --artist_id 123 --nb_fans 3')
    .example('topfans --artist-id 123 --nb-fans 100 --data exports/ --as-of 2026-06-30 --output top.csv')
    .example('topfans --artist_id 123 --nb_fans 3 --window 28d')
    .action(async (flags: Record<string, unknown>) => {
      const artistId = wholeNumber(flags.artistId, '--artist_id', 0);
      if (artistId === undefined) usage('--artist_id', 'is required: topfans --artist_id 123 --nb_fans 3');
      const n = wholeNumber(flags.nbFans, '--nb_fans', 1) ?? 10;
      const precision = wholeNumber(flags.precision, '--precision', 0, 15) ?? DEFAULT_PRECISION;
      const format = oneOf(flags.format, '--format', ['csv', 'json'] as const, 'csv');
      const output = single(flags.output, '--output');
      const explain = flags.explain === true;
      const window = windowFlag(flags);
      if (flags.explain !== undefined && typeof flags.explain !== 'boolean')
        usage('--explain', 'takes no value');

      if (output !== undefined) checkOutputTarget(output); // before the load, not after it
      const fanbase = await openFollowed(open, flags, 'topfans');
      try {
        checkWindowFlag(window, fanbase);
        const fans = explain
          ? await fanbase.explainTopFans(artistId, n, { window })
          : await fanbase.topFans(artistId, n, { window });
        const options = { format, precision, explain };
        if (output === undefined) await writeTopFans(fans, process.stdout, options);
        else await writeAtomically(output, (out) => writeTopFans(fans, out, options));
        if (fans.reason !== undefined) process.stderr.write(`topfans: ${fans.reason}\n`);
      } finally {
        await fanbase.close();
      }
    });
  // one command: no "Commands" section in the help
  cli.help((sections) =>
    sections.filter((s) => s.title !== 'Commands' && !s.title?.startsWith('For more info')),
  );
  cli.version(VERSION);
  return cli;
}
