#!/usr/bin/env node
import { fanbaseCli } from '../adapters/cli/fanbase-command.js';
import { runCli } from '../adapters/cli/run-cli.js';
import { readMaxLifetime } from '../adapters/http/auth-config.js';
import { readHttpConfig } from '../adapters/http/config.js';
import { serve } from '../adapters/http/serve.js';
import { openFanbase, prepareFanbase } from '../open-fanbase.js';

/** `fanbase`: the commands around the library, the web API among them. */
await runCli(
  fanbaseCli({
    open: openFanbase,
    prepare: prepareFanbase,
    serve: async (flags) => serve({ ...readHttpConfig(), ...withEngine(flags) }, openFanbase),
    maxTokenLifetime: () => readMaxLifetime(process.env),
  }),
);

/** The flags over the environment's configuration; the engine flags as the HTTP configuration holds them. */
function withEngine(flags: Parameters<Parameters<typeof fanbaseCli>[0]['serve']>[0]) {
  const { engine, clickhouse, ...rest } = flags;
  const defined = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
  return engine === undefined
    ? defined
    : { ...defined, engine: { engine, ...(clickhouse ? { clickhouse } : {}) } };
}
