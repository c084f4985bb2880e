import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

const ROOT = new URL('..', import.meta.url).pathname;
const sources = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
const importsOf = (file: string) =>
  [...readFileSync(join(ROOT, file), 'utf8').matchAll(/^(?:import|export)[^'"]*from ['"]([^'"]+)['"]/gm)].map(
    (m) => m[1] as string,
  );

const Architecture = suite('architecture');

Architecture('the domain imports nothing but the domain: no adapter, no engine, no I/O', () => {
  const files = sources('src/domain');
  assert.ok(files.length >= 10);
  for (const file of files) {
    for (const target of importsOf(file)) {
      assert.ok(target.startsWith('./') && !target.includes('..'), `${file} imports ${target}`);
    }
  }
});

Architecture('every source file has a test file mirroring it, unless it only declares types', () => {
  for (const file of [...sources('src/domain'), ...sources('src/adapters')]) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const onlyTypes = !/^export (async )?(function|const|class)/m.test(text);
    if (onlyTypes) continue;
    const test = file.replace(/^src\//, 'test/').replace(/\.ts$/, '.test.ts');
    assert.ok(sources('test').includes(test), `${test} is missing`);
  }
});

Architecture.run();
