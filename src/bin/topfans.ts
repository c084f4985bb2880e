#!/usr/bin/env node
import { runCli } from '../adapters/cli/run-cli.js';
import { topfansCli } from '../adapters/cli/topfans-command.js';
import { openFanbase } from '../open-fanbase.js';

/** `topfans`: the command, over the library. */
await runCli(topfansCli(openFanbase));
