import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

const ROOT = new URL('..', import.meta.url).pathname;
const Package = suite('the published package');

Package('holds its license, the build, the SQL and the demo data, and no source it does not need', () => {
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' }),
  ) as [{ files: { path: string }[] }];
  const files = packed.files.map((f) => f.path);
  for (const needed of [
    'LICENSE',
    'package.json',
    'dist/index.js',
    'dist/bin/topfans.js',
    'sql/load/fans.sql',
  ]) {
    assert.ok(files.includes(needed), `${needed} is packed`);
  }
  assert.ok(files.some((f) => f.startsWith('fixtures/demo/')));
  assert.not.ok(files.some((f) => f.startsWith('src/') || f.startsWith('test/')));
  assert.match(
    readFileSync(join(ROOT, 'LICENSE'), 'utf8'),
    /GNU GENERAL PUBLIC LICENSE\s+Version 3, 29 June 2007/,
  );
});

Package('source maps carry their sources: a stack trace maps to code the package ships', () => {
  const map = JSON.parse(readFileSync(join(ROOT, 'dist/domain/score.js.map'), 'utf8')) as {
    sources: string[];
    sourcesContent?: string[];
  };
  assert.is(map.sources.length, 1);
  assert.match(map.sourcesContent?.[0] ?? '', /export function score\(/);
});

Package.run();
