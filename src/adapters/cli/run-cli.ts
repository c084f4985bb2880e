import type { CAC } from 'cac';
import { invalidArgument, isFanbaseError } from '../../domain/errors.js';
import { EXIT, exitCodeOf } from './exit-codes.js';
import { inFlagTerms } from './option-flags.js';
import { restoreRawValues } from './raw-values.js';

let watching = false;

/**
 * Runs a cac program: stdout carries only data; errors go to stderr as one line (plus where to find usage
 * for command-line mistakes) with the exit code of `exitCodeOf`. A closed stdout (`| head -1`) ends the
 * program quietly.
 */
export async function runCli(cli: CAC, argv: string[] = process.argv): Promise<void> {
  if (!watching) {
    watching = true; // once per process, however many runs (tests run many in one)
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      // a reader that stopped early (| head -1) is not a failure; a full disk is, said in one line
      if (error.code === 'EPIPE') process.exit(EXIT.ok);
      process.stderr.write(`${cli.name}: cannot write the output (${error.code ?? error.message})\n`);
      process.exit(EXIT.failure);
    });
  }
  try {
    cli.parse(argv, { run: false });
    if (!cli.matchedCommand && !cli.options.help && !cli.options.version) {
      const commands = cli.commands.map((c) => c.name).filter(Boolean);
      const given = cli.args[0];
      throw invalidArgument(
        `${given === undefined ? 'a command is needed' : `"${given}" is not a command`}: use ${commands.join(', ')}`,
      );
    }
    restoreRawValues(cli);
    await cli.runMatchedCommand();
  } catch (thrown) {
    const error = inFlagTerms(thrown);
    const code = exitCodeOf(error);
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${cli.name}: ${message}\n`);
    if (code === EXIT.usage) process.stderr.write(`Run ${cli.name} --help for usage.\n`);
    if (!isFanbaseError(error) && code !== EXIT.usage && error instanceof Error && error.stack) {
      process.stderr.write(`${error.stack}\n`);
    }
    process.exitCode = code;
  }
}
