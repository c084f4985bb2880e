import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { FIXTURES } from '../../support/duckdb.js';

const ROOT = new URL('../../..', import.meta.url).pathname;

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Live (not zombie) processes descended from `root`, with their names and command lines, from /proc. */
function descendants(root: number): { pid: number; name: string; command: string }[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // pid (comm) state ppid ...: comm may hold spaces, so read after its closing parenthesis
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z') continue;
      children.set(Number(ppid), [...(children.get(Number(ppid)) ?? []), Number(name)]);
    } catch {
      // ended while listed
    }
  }
  const found: { pid: number; name: string; command: string }[] = [];
  for (let queue = [root]; queue.length > 0; ) {
    for (const pid of children.get(queue.shift() as number) ?? []) {
      queue.push(pid);
      found.push({ pid, name: read(`/proc/${pid}/comm`).trim(), command: read(`/proc/${pid}/cmdline`) });
    }
  }
  return found;
}

const read = (path: string) => {
  try {
    return readFileSync(path, 'utf8').replaceAll('\0', ' ').trim();
  } catch {
    return '';
  }
};
const alive = (pid: number) => {
  try {
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};
const answers = (port: number) =>
  fetch(`http://127.0.0.1:${port}/health`, { headers: { Connection: 'close' } }).then(
    (r) => r.ok,
    () => false,
  );
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const NpmStart = suite('npm start');

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  NpmStart(`${signal} to the npm process stops the server it started, which exits 0`, async () => {
    const port = await freePort();
    const npm = spawn('npm', ['start'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        FANBASE_DATA: join(FIXTURES, 'edge-cases/parquet'),
        FANBASE_AS_OF: '2026-06-15',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    npm.stdout.on('data', (c) => {
      output += c;
    });
    npm.stderr.on('data', (c) => {
      output += c;
    });
    const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
    let servers: { pid: number; name: string; command: string }[] = [];
    try {
      for (let waited = 0; !(await answers(port)); waited += 100) {
        if (npm.exitCode !== null || waited > 20_000)
          assert.unreachable(`npm start did not serve: ${output}`);
        await sleep(100);
      }
      // the node process serving, whether npm's child or, through a shell, its grandchild
      // every node process under npm is cleaned up below, whatever the assertion says
      servers = descendants(npm.pid as number).filter((p) => p.name === 'node');
      assert.is(
        servers.filter((p) => p.command.includes('dist/bin/api.js')).length,
        1,
        JSON.stringify(descendants(npm.pid as number)),
      );
      npm.kill(signal);
      for (let waited = 0; (await answers(port)) || servers.some((p) => alive(p.pid)); waited += 100) {
        if (waited > 5_000) assert.unreachable(`still serving 5 s after ${signal} to npm`);
        await sleep(100);
      }
      assert.is(await exited, 0, output);
      assert.match(output, new RegExp(`"signal":"${signal}","msg":"shutting down"`));
    } finally {
      // the server left behind by a failure, by its own pid: nothing else
      for (const { pid } of servers) if (alive(pid)) process.kill(pid, 'SIGKILL');
      if (npm.exitCode === null) npm.kill('SIGKILL');
    }
  });
}

NpmStart.run();
