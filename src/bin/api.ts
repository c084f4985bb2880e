#!/usr/bin/env node
import { readHttpConfig } from '../adapters/http/config.js';
import { serve } from '../adapters/http/serve.js';
import { openFanbase } from '../open-fanbase.js';

/** `npm start`: the Fanbase API, configured from the environment (docs/operations.md). */
let config: ReturnType<typeof readHttpConfig>;
try {
  config = readHttpConfig();
} catch (error) {
  process.stderr.write(`fanbase: ${(error as Error).message}\n`);
  process.exit(2);
}
await serve(config, openFanbase);
