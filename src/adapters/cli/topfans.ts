#!/usr/bin/env node
import { runCli } from './run-cli.js';
import { topfansCli } from './topfans-command.js';

await runCli(topfansCli());
