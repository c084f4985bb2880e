#!/usr/bin/env node
import { pino } from 'pino';
import { isFanbaseError } from '../../domain/errors.js';
import { readHttpConfig } from './config.js';
import { startServer } from './server.js';

/**
 * `npm start`: serves the Fanbase API on PORT (8080), on the data in FANBASE_DATA (the bundled demo
 * dataset by default). SIGTERM or SIGINT stop it gracefully, exiting 0.
 */
async function main(): Promise<void> {
  let config: ReturnType<typeof readHttpConfig>;
  try {
    config = readHttpConfig();
  } catch (error) {
    process.stderr.write(`fanbase: ${(error as Error).message}\n`);
    process.exit(2);
  }
  const logger = pino(
    { level: config.logLevel, base: { service: 'fanbase' } },
    pino.destination({ sync: false }),
  );
  const fail = (error: unknown, message: string) => {
    logger.fatal(
      isFanbaseError(error) ? { code: error.code, detail: error.message } : { err: error },
      message,
    );
    logger.flush();
    process.stderr.write(`fanbase: ${message}: ${(error as Error).message}\n`);
    process.exit(1);
  };

  let running: Awaited<ReturnType<typeof startServer>>;
  try {
    running = await startServer(config, logger);
  } catch (error) {
    return fail(error, `cannot listen on ${config.host}:${config.port}`);
  }
  running.ready.catch((error) => fail(error, 'cannot load the dataset'));

  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down');
      running.close().then(
        () => {
          logger.info('stopped');
          logger.flush();
          process.exit(0);
        },
        (error) => fail(error, 'shutdown failed'),
      );
    });
  }
}

void main();
