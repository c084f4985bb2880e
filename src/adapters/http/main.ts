#!/usr/bin/env node
import { readHttpConfig } from './config.js';
import { serve } from './serve.js';

/** `npm start`: the Fanbase API, configured from the environment (docs/operations.md). */
let config: ReturnType<typeof readHttpConfig>;
try {
  config = readHttpConfig();
} catch (error) {
  process.stderr.write(`fanbase: ${(error as Error).message}\n`);
  process.exit(2);
}
await serve(config);
