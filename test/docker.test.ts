import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

// The real build and run are checked with a Docker engine (docs/operations.md, "Docker and docker-compose"); CI runs
// `docker-compose config`. These checks guard what a text can: the paths and the promises of the files.
const ROOT = new URL('..', import.meta.url).pathname;
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const Docker = suite('Dockerfile and docker-compose.yml');

Docker('the image runs as node, checks its readiness without curl, and starts paths the build makes', () => {
  const dockerfile = read('Dockerfile');
  const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
  assert.match(runtime, /\nUSER node\n/);
  assert.match(runtime, /\nHEALTHCHECK .*\n\s+CMD \["node", "-e", "fetch\(/);
  // readiness: a container whose dataset is still loading is not healthy
  assert.match(
    runtime,
    /\n\s+CMD \["node", "-e", "fetch\('http:\/\/127\.0\.0\.1:' \+ \(process\.env\.PORT \|\| 8080\) \+ '\/ready'\)/,
  );
  const instructions = dockerfile.replace(/^#.*$/gm, '');
  assert.not.match(instructions, /\b(curl|wget)\b/);
  assert.match(dockerfile, /^FROM node:24-bookworm-slim AS build$/m);
  const cmd = /CMD \["node", "([^"]+)"\]\s*$/.exec(dockerfile)?.[1];
  assert.is(cmd, 'dist/bin/api.js');
  assert.ok(existsSync(join(ROOT, cmd as string)), `${cmd} is built`);
});

Docker('compose: fanbase on 8080, topfans with the command as entrypoint, data read-only', () => {
  const compose = read('docker-compose.yml');
  assert.match(compose, /\n {2}fanbase:\n(.*\n)*? {4}ports:\n {6}- "8080:8080"/);
  const entrypoint = /\n {2}topfans:\n(?:.*\n)*? {4}entrypoint: \["node", "([^"]+)"\]/.exec(compose)?.[1];
  assert.is(entrypoint, 'dist/bin/topfans.js');
  assert.ok(existsSync(join(ROOT, entrypoint as string)), `${entrypoint} is built`);
  assert.is(compose.match(/\$\{FANBASE_EXPORTS:-\.\/fixtures\/demo\}:\/data:ro/g)?.length, 2);
  assert.is(compose.match(/init: true/g)?.length, 2);
});

Docker('the build context holds only what the image needs: what the Dockerfile copies from it', () => {
  const ignore = read('.dockerignore')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'));
  assert.is(ignore[0], '*');
  // each COPY from the context (not from a stage): its sources, a folder with its trailing slash
  const copied = new Set<string>();
  for (const [, args] of read('Dockerfile').matchAll(/^COPY (?!--from)(.+)$/gm)) {
    const sources = (args as string).trim().split(/\s+/).slice(0, -1);
    for (const source of sources) {
      const path = source.replace(/^\.\//, '').replace(/\/$/, '');
      copied.add(statSync(join(ROOT, path)).isDirectory() ? `!${path}/` : `!${path}`);
    }
  }
  assert.ok(copied.has('!scripts/build-page.mjs'), 'the page is built in the image');
  assert.equal(ignore.slice(1).sort(), [...copied].sort());
});

Docker.run();
