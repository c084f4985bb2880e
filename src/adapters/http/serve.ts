import { pino } from 'pino';
import { isFanbaseError } from '../../domain/errors.js';
import type { HttpConfig } from './config.js';
import { type OpenDataset, startServer } from './server.js';

/**
 * Runs the API as a process: logs to stdout, exits 2 on a configuration mistake, 1 when it cannot listen or
 * load the dataset, and on SIGTERM or SIGINT shuts down gracefully and exits 0. What `npm start` and
 * `fanbase serve` run.
 */
export async function serve(config: HttpConfig, open: OpenDataset): Promise<void> {
  const logger = pino(
    { level: config.logLevel, base: { service: 'fanbase' } },
    pino.destination({ sync: false }),
  );
  const fail = (error: unknown, message: string): void => {
    process.stderr.write(`fanbase: ${message}: ${(error as Error).message}\n`);
    // the log gets the code and where (file, column, line), never the offending values: they may be personal
    logger.fatal(
      isFanbaseError(error) ? { code: error.code, location: error.location } : { err: error },
      message,
    );
    logger.flush(() => process.exit(1));
  };

  let running: Awaited<ReturnType<typeof startServer>>;
  try {
    running = await startServer(config, logger, open);
  } catch (error) {
    if (isFanbaseError(error) && error.code === 'INVALID_OPTIONS') {
      // a configuration mistake found while starting (a key file the variables point at): exit 2, as for
      // every wrong variable, with the message naming it
      process.stderr.write(`fanbase: ${error.message}\n`);
      logger.fatal({ code: error.code, location: error.location }, 'invalid configuration');
      logger.flush(() => process.exit(2));
      return;
    }
    fail(error, `cannot listen on ${config.host}:${config.port}`);
    return;
  }
  running.ready.catch((error) => fail(error, 'cannot load the dataset'));

  // SIGHUP: load the dataset again (a new snapshot renamed into place) and swap it in; on failure keep serving
  process.on('SIGHUP', () => {
    logger.info({ signal: 'SIGHUP' }, 'reloading the dataset');
    running
      .reload()
      .catch((error) =>
        logger.error(
          isFanbaseError(error) ? { code: error.code, location: error.location } : { err: error },
          'reload failed: still serving the previous dataset',
        ),
      );
  });

  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down');
      running.close().then(
        () => {
          logger.info('stopped');
          logger.flush(() => process.exit(0));
        },
        (error) => fail(error, 'shutdown failed'),
      );
    });
  }
}
