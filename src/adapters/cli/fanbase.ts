#!/usr/bin/env node
import { cac } from 'cac';
import { openFanbase } from '../../open-fanbase.js';
import { readHttpConfig } from '../http/config.js';
import { serve } from '../http/serve.js';
import { dataOptions, withDataFlags } from './data-flags.js';
import { EXIT } from './exit-codes.js';
import { describeReport } from './fanbase-report.js';
import { single, usage, wholeNumber } from './flags.js';
import { runCli } from './run-cli.js';
import { VERSION } from './version.js';

/** `fanbase serve | summary <artist_id> | check`: the other jobs around the library. */
function fanbaseCli() {
  const cli = cac('fanbase');

  withDataFlags(cli.command('serve', 'Serve the Fanbase web API (settings also from the environment)'))
    .option('--port <port>', 'Port to listen on (default: $PORT, else 8080)')
    .option('--host <address>', 'Address to listen on (default: $HOST, else 0.0.0.0)')
    .example('fanbase serve --port 8080 --data exports/')
    .action(async (flags: Record<string, unknown>) => {
      const config = readHttpConfig();
      const data = dataOptions(flags);
      await serve({
        ...config,
        port: wholeNumber(flags.port, '--port', 0, 65535) ?? config.port,
        host: single(flags.host, '--host') ?? config.host,
        data: data.data,
        mapping: data.mapping,
        asOf: data.asOf,
      });
    });

  withDataFlags(cli.command('summary <artist_id>', "Print an artist's Fanbase summary as JSON"))
    .example('fanbase summary 123')
    .action(async (artist: unknown, flags: Record<string, unknown>) => {
      const artistId = wholeNumber(artist, 'artist_id', 0);
      if (artistId === undefined) usage('artist_id', 'is required');
      const fanbase = await openFanbase(dataOptions(flags));
      try {
        process.stdout.write(`${JSON.stringify(await fanbase.summary(artistId))}\n`);
      } finally {
        await fanbase.close();
      }
    });

  withDataFlags(cli.command('check', 'Load and validate a dataset, and print its data report'))
    .option('--json', 'Print the report as JSON')
    .option('--strict', 'Exit 1 when the report lists problem rows')
    .example('fanbase check --data exports/ --strict')
    .action(async (flags: Record<string, unknown>) => {
      const fanbase = await openFanbase(dataOptions(flags));
      const report = fanbase.report;
      await fanbase.close();
      process.stdout.write(
        flags.json === true ? `${JSON.stringify(report, null, 2)}\n` : describeReport(report),
      );
      if (flags.strict === true && report.issues.length > 0) process.exitCode = EXIT.failure;
    });

  cli.help();
  cli.version(VERSION);
  return cli;
}

await runCli(fanbaseCli());
