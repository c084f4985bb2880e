import { type CAC, cac } from 'cac';
import type { DataReport, PrepareOutcome } from '../../domain/data-report.js';
import { durationText } from '../../domain/duration.js';
import { MEMORY_SIZE } from '../../duckdb/instance-config.js';
import { generateDataset } from '../../generate/generate-dataset.js';
import { VERSION } from '../../version.js';
import {
  type DataOptions,
  dataOptions,
  type OpenData,
  openFollowed,
  quietFlag,
  withDataFlags,
} from './data-flags.js';
import { EXIT } from './exit-codes.js';
import { describeReport } from './fanbase-report.js';
import { oneOf, single, usage, wholeNumber } from './flags.js';
import { issueToken, parseDuration } from './issue-token.js';
import { followLoad, progressLine, withQuietFlag } from './progress-line.js';
import { checkWindowFlag, windowFlag, withWindowFlag } from './window-flag.js';

/**
 * What the fanbase command needs from outside the CLI, given by its program (src/bin/fanbase.ts): the
 * library's open and prepare, the web API, and the API's limit on token lifetimes.
 */
export interface FanbaseTools {
  open: OpenData;
  prepare: (
    options: DataOptions & { out: string | undefined; memoryLimit?: string },
  ) => Promise<DataReport & { prepare?: PrepareOutcome }>;
  /** Runs the web API with the environment's configuration, these flags over it, until a signal stops it. */
  serve: (flags: Partial<DataOptions> & { port?: number; host?: string }) => Promise<void>;
  /** FANBASE_JWT_MAX_LIFETIME, in seconds: `fanbase token` signs no token the API would refuse. */
  maxTokenLifetime: () => number;
}

const count = (n: number) => n.toLocaleString('en-US');

/** `[####................]  20% 2,000,000/10,000,000 streams, 3 s` */
function describeGenerated(done: number, total: number, seconds: number): string {
  const share = total === 0 ? 1 : done / total;
  const width = 20;
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${count(done)}/${count(total)} streams, ${seconds.toFixed(0)} s`;
}

/** `fanbase serve | summary | audience | check | prepare | generate | token`: the other jobs around the library. */
export function fanbaseCli(tools: FanbaseTools): CAC {
  const cli = cac('fanbase');

  withDataFlags(cli.command('serve', 'Serve the Fanbase web API (settings also from the environment)'))
    .option('--port <port>', 'Port to listen on (default: $PORT, else 8080)')
    .option('--host <address>', 'Address to listen on (default: $HOST, else 0.0.0.0)')
    .example('fanbase serve --port 8080 --data exports/')
    .action(async (flags: Record<string, unknown>) => {
      const port = wholeNumber(flags.port, '--port', 0, 65535);
      const host = single(flags.host, '--host');
      await tools.serve({
        ...dataOptions(flags),
        ...(port === undefined ? {} : { port }),
        ...(host === undefined ? {} : { host }),
      });
    });

  withWindowFlag(
    withQuietFlag(
      withDataFlags(cli.command('summary <artist_id>', "Print an artist's Fanbase summary as JSON")),
    ),
  )
    .example('fanbase summary 123')
    .example('fanbase summary 123 --window 2026-06-01..2026-06-30')
    .action(async (artist: unknown, flags: Record<string, unknown>) => {
      const artistId = wholeNumber(artist, 'artist_id', 0);
      if (artistId === undefined) usage('artist_id', 'is required');
      const window = windowFlag(flags);
      const fanbase = await openFollowed(tools.open, flags, 'fanbase');
      try {
        checkWindowFlag(window, fanbase);
        process.stdout.write(`${JSON.stringify(await fanbase.summary(artistId, { window }))}\n`);
      } finally {
        await fanbase.close();
      }
    });

  withWindowFlag(
    withQuietFlag(
      withDataFlags(
        cli.command('audience <artist_id>', "Print an artist's audience as JSON: age groups, countries"),
      ),
    ),
  )
    .option(
      '--min-fans <k>',
      'Privacy floor: each figure about people rests on at least k fans (default: $FANBASE_MIN_FANS_FOR_DEMOGRAPHICS, else 0: off)',
    )
    .example('fanbase audience 123')
    .example('fanbase audience 123 --window 28d --min-fans 10')
    .action(async (artist: unknown, flags: Record<string, unknown>) => {
      const artistId = wholeNumber(artist, 'artist_id', 0);
      if (artistId === undefined) usage('artist_id', 'is required');
      const window = windowFlag(flags);
      const fromEnv = process.env.FANBASE_MIN_FANS_FOR_DEMOGRAPHICS?.trim() || undefined;
      const minFans =
        wholeNumber(flags.minFans, '--min-fans', 0) ??
        wholeNumber(fromEnv, 'FANBASE_MIN_FANS_FOR_DEMOGRAPHICS', 0) ??
        0;
      const fanbase = await openFollowed(
        (options) => tools.open({ ...options, minFansForDemographics: minFans }),
        flags,
        'fanbase',
      );
      try {
        checkWindowFlag(window, fanbase);
        process.stdout.write(`${JSON.stringify(await fanbase.audience(artistId, { window }))}\n`);
      } finally {
        await fanbase.close();
      }
    });

  cli
    .command('generate', 'Write a synthetic, deterministic dataset of the platform exports')
    .option('--users <n>', 'Users (default: 1000000)')
    .option('--artists <n>', 'Artists (default: 50000)')
    .option('--streams <n>', 'Streams (default: 10000000)')
    .option('--seed <n>', 'Seed: the same seed gives the same data (default: 1)')
    .option('--out <folder>', 'Folder to write (replaced) (required)')
    .option('--format <format>', 'parquet or csv (default: parquet)')
    .option('--quiet', 'No progress on stderr and no closing line (errors still print)')
    .example(
      'fanbase generate --users 1000000 --artists 50000 --streams 100000000 --seed 1 --out /tmp/exports',
    )
    .action(async (flags: Record<string, unknown>) => {
      const out = single(flags.out, '--out');
      if (out === undefined) usage('--out', 'is required: the folder to write the dataset into');
      const total = wholeNumber(flags.streams, '--streams', 0) ?? 10_000_000;
      const users = wholeNumber(flags.users, '--users', 1) ?? 1_000_000;
      const artists = wholeNumber(flags.artists, '--artists', 1) ?? 50_000;
      const line = progressLine(process.stderr, quietFlag(flags));
      const started = performance.now();
      const seconds = () => (performance.now() - started) / 1000;
      try {
        await generateDataset({
          users,
          artists,
          streams: total,
          seed: wholeNumber(flags.seed, '--seed', 0) ?? 1,
          out,
          format: oneOf(flags.format, '--format', ['parquet', 'csv'] as const, 'parquet'),
          onProgress: (done) => line.show(describeGenerated(done, total, seconds())),
        });
      } catch (error) {
        line.clear();
        throw error;
      }
      line.done(
        `fanbase: ${out} written: ${count(users)} users, ${count(artists)} artists, ${count(total)} streams in ${seconds().toFixed(1)} s`,
      );
    });

  withDataFlags(
    cli.command(
      'prepare',
      'Load and check the exports once: into a snapshot the tools open read-only, or into ClickHouse',
    ),
  )
    .option('--quiet', 'No progress on stderr and no closing line (errors still print)')
    .option('--out <file>', 'Snapshot file to write, *.duckdb, replaced atomically (required with duckdb)')
    .option(
      '--memory-limit <size>',
      "DuckDB's memory for the prepare, e.g. 4GB: past it, DuckDB spills to a folder beside --out (default: 80% of RAM)",
    )
    .example(
      'fanbase prepare --data exports/ --out fanbase.duckdb && topfans --data fanbase.duckdb --artist_id 123',
    )
    .example('fanbase prepare --data exports/ --engine clickhouse --clickhouse-url http://localhost:8123')
    .action(async (flags: Record<string, unknown>) => {
      const follower = followLoad(progressLine(process.stderr, quietFlag(flags)));
      const options = { ...dataOptions(flags), onProgress: follower.onProgress };
      const out = single(flags.out, '--out');
      if (options.engine !== 'clickhouse' && out === undefined)
        usage('--out', 'is required: the snapshot file to write, e.g. --out fanbase.duckdb');
      const memoryLimit = single(flags.memoryLimit, '--memory-limit');
      if (memoryLimit !== undefined && !MEMORY_SIZE.test(memoryLimit))
        usage('--memory-limit', `must be a size such as 4GB or 512MiB, got ${JSON.stringify(memoryLimit)}`);
      let report: DataReport & { prepare?: PrepareOutcome };
      try {
        report = await tools.prepare({ ...options, out, ...(memoryLimit ? { memoryLimit } : {}) });
      } catch (error) {
        follower.line.clear();
        throw error;
      }
      const took = `in ${follower.seconds().toFixed(1)} s`;
      const how = report.prepare;
      // onto an existing snapshot that could not take the new parts alone: why it read everything again
      if (how?.reason && !quietFlag(flags)) {
        process.stderr.write(`fanbase: a full prepare: ${how.reason}\n`);
      }
      const updated =
        how?.mode === 'incremental'
          ? ` (${how.parts_read} new stream part(s) added to the ${how.parts_kept} it held)`
          : '';
      follower.line.done(
        options.engine === 'clickhouse'
          ? `fanbase: exports loaded into ClickHouse as of ${report.as_of} ${took}: ${report.totals.streams} streams, ${report.totals.fans} fans of ${report.totals.artists_with_fans} artists, ${report.issues.length} kind(s) of problem rows (fanbase check --engine clickhouse lists them)`
          : `fanbase: ${out} prepared as of ${report.as_of} ${took}${updated}: ${report.totals.fans} fans of ${report.totals.artists_with_fans} artists, ${report.issues.length} kind(s) of problem rows (fanbase check --data ${out} lists them)`,
      );
    });

  withQuietFlag(withDataFlags(cli.command('check', 'Load and validate a dataset, and print its data report')))
    .option('--json', 'Print the report as JSON')
    .option('--strict', 'Exit 1 when the report lists problem rows')
    .example('fanbase check --data exports/ --strict')
    .action(async (flags: Record<string, unknown>) => {
      const fanbase = await openFollowed(tools.open, flags, 'fanbase');
      const report = fanbase.report;
      await fanbase.close();
      process.stdout.write(
        flags.json === true ? `${JSON.stringify(report, null, 2)}\n` : describeReport(report),
      );
      if (flags.strict === true && report.issues.length > 0) process.exitCode = EXIT.failure;
    });

  cli
    .command(
      'token',
      'Print a JWT the API accepts (HS256, signed with $FANBASE_JWT_SECRET), for operators and tests',
    )
    .option('--artists <ids>', 'Artist ids the token may read, comma-separated')
    .option('--admin', 'Let the token read every artist (scope fanbase:admin)')
    .option('--expires-in <duration>', 'Lifetime: 90s, 15m, 12h, 30d (default: 1h)')
    .option('--subject <name>', 'Who the token is for (its sub claim) (default: fanbase-cli)')
    .example('FANBASE_JWT_SECRET=... fanbase token --artists 123 --expires-in 12h')
    .action(async (flags: Record<string, unknown>) => {
      const secret = process.env.FANBASE_JWT_SECRET?.trim();
      if (!secret || Buffer.byteLength(secret) < 32) {
        usage('FANBASE_JWT_SECRET', "must hold the API's HS256 secret (32 bytes or more) to sign with");
      }
      const ids = single(flags.artists, '--artists');
      const artists = (ids ?? '')
        .split(',')
        .filter((id) => id.trim() !== '')
        .map((id) => wholeNumber(id.trim(), '--artists', 0) as number);
      const expiresIn = parseDuration(single(flags.expiresIn, '--expires-in') ?? '1h', '--expires-in');
      // the API refuses tokens that live longer than its FANBASE_JWT_MAX_LIFETIME: do not sign one
      const maxLifetimeSeconds = tools.maxTokenLifetime();
      if (expiresIn > maxLifetimeSeconds) {
        usage(
          '--expires-in',
          `is longer than the ${durationText(maxLifetimeSeconds)} the API accepts (FANBASE_JWT_MAX_LIFETIME): give a shorter one, or raise FANBASE_JWT_MAX_LIFETIME where the API runs too`,
        );
      }
      const token = await issueToken({
        artists,
        admin: flags.admin === true,
        expiresIn,
        subject: single(flags.subject, '--subject') ?? 'fanbase-cli',
        secret: secret as string,
        audience: process.env.FANBASE_JWT_AUDIENCE?.trim() || 'fanbase',
        issuer: process.env.FANBASE_JWT_ISSUER?.trim() || undefined,
      });
      process.stdout.write(`${token}\n`);
    });

  cli.help();
  cli.version(VERSION);
  return cli;
}
