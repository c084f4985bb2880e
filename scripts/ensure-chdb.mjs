#!/usr/bin/env node
// Installs chdb, the embedded ClickHouse engine the tests and the benchmark run the ClickHouse adapter on,
// into node_modules without touching package.json or package-lock.json. chdb is an optional peer of
// fanbase, not a locked dependency: the registry serves its native library for one platform per package
// (@chdb/lib-*), and a lockfile holding chdb would be incomplete wherever one of them is missing, which
// breaks `npm ci`. The version is pinned here, so every run tests the same engine.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const VERSION = '3.4.0';
const root = fileURLToPath(new URL('..', import.meta.url));

function installed() {
  try {
    return JSON.parse(readFileSync(`${root}/node_modules/chdb/package.json`, 'utf8')).version;
  } catch {
    return undefined;
  }
}

if (installed() !== VERSION) {
  process.stderr.write(`installing chdb@${VERSION} for the ClickHouse tests (not saved to package.json)\n`);
  execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', `chdb@${VERSION}`], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (installed() !== VERSION) {
    process.stderr.write(`chdb@${VERSION} did not install: the ClickHouse tests cannot run\n`);
    process.exit(1);
  }
}
