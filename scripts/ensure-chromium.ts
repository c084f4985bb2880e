/**
 * Installs the browser the page tests run in (test/page), when it is missing: Debian's chromium, through
 * apt-get (as root, or through sudo). No browser is downloaded by npm: playwright-core drives the system's.
 * Run by `npm test` before the tests, so that a fresh machine (CI included) runs them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM } from '../test/support/chromium.js';

if (!existsSync(CHROMIUM)) {
  if (process.env.FANBASE_CHROMIUM) {
    process.stderr.write(
      `FANBASE_CHROMIUM names ${CHROMIUM}, which does not exist: the page tests cannot run\n`,
    );
    process.exit(1);
  }
  process.stderr.write('installing chromium for the page tests (apt-get install chromium)\n');
  const root = process.getuid?.() === 0;
  const apt = (args: string[]) =>
    execFileSync(root ? 'apt-get' : 'sudo', root ? args : ['apt-get', ...args], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  try {
    apt(['update', '-qq']);
    apt(['install', '-y', '-qq', '--no-install-recommends', 'chromium']);
  } catch (error) {
    process.stderr.write(
      `chromium did not install (${(error as Error).message}): install it, or set FANBASE_CHROMIUM\n`,
    );
    process.exit(1);
  }
  if (!existsSync(CHROMIUM)) {
    process.stderr.write(`apt-get installed chromium, but not at ${CHROMIUM}: set FANBASE_CHROMIUM\n`);
    process.exit(1);
  }
}
