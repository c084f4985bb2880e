import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
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
/** The repository files a source file imports (relative imports only), as paths from the root. */
const localImportsOf = (file: string) =>
  importsOf(file)
    .filter((target) => target.startsWith('.'))
    .map((target) => normalize(join(dirname(file), target)));

/** The room a source file is in: `domain`, `output`, `load`, `duckdb`, `generate`, `adapters/<name>`, or a root. */
const roomOf = (file: string): string => {
  const [, top, second] = file.split('/');
  if (top === 'adapters') return `adapters/${second}`;
  return (top as string).endsWith('.ts') ? 'root' : (top as string);
};

/**
 * Which rooms each room may import besides itself. The domain is pure; the shared modules (the answers'
 * output formats, the load, the DuckDB plumbing, the generator, the engine configuration, the version)
 * import no adapter; an adapter
 * imports the domain and shared modules, never another adapter nor the composition roots (src/open-fanbase,
 * src/index, src/bin), which are the only places that put adapters together.
 */
const SHARED = [
  'domain',
  'output',
  'load',
  'duckdb',
  'generate',
  'src/engine-config.ts',
  'src/version.ts',
  'src/sql-header.ts',
];
const ALLOWED: Record<string, string[]> = {
  domain: [],
  output: ['domain'],
  duckdb: ['domain'],
  load: ['domain', 'duckdb'],
  generate: ['domain', 'duckdb'],
  'adapters/duckdb': SHARED,
  'adapters/clickhouse': SHARED,
  'adapters/http': SHARED,
  'adapters/cli': SHARED,
  // the artist's page runs in the browser: it talks to the API over HTTP and imports nothing of the server
  'adapters/page': [],
};

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

Architecture('adapters lean on the domain and named shared modules, never on each other', () => {
  const files = sources('src').filter((f) => roomOf(f) in ALLOWED);
  assert.ok(files.some((f) => f.startsWith('src/adapters/cli/')));
  for (const file of files) {
    const room = roomOf(file);
    for (const target of localImportsOf(file)) {
      const theirs = roomOf(target);
      const allowed =
        theirs === room ||
        (ALLOWED[room] as string[]).some(
          (shared) => shared === theirs || shared === target.replace(/\.js$/, '.ts'),
        );
      assert.ok(allowed, `${file} (${room}) imports ${target} (${theirs})`);
    }
  }
});

Architecture('the rule holds: an adapter importing another adapter is caught', () => {
  const room = roomOf('src/adapters/cli/x.ts');
  const target = normalize(join('src/adapters/cli', '../http/serve.js'));
  assert.is(roomOf(target), 'adapters/http');
  assert.not.ok((ALLOWED[room] as string[]).includes(roomOf(target)));
});

Architecture(
  'every source file has a test file mirroring it, unless it only declares types or is a program',
  () => {
    for (const file of sources('src').filter((f) => !f.startsWith('src/bin/'))) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      const onlyTypes = !/^export (async )?(function|const|class)/m.test(text);
      if (onlyTypes) continue;
      // the page's modules need a browser: test/page drives them all in one, through the page itself
      const test = file.startsWith('src/adapters/page/')
        ? 'test/page/page.test.ts'
        : file.replace(/^src\//, 'test/').replace(/\.ts$/, '.test.ts');
      assert.ok(sources('test').includes(test), `${test} is missing`);
    }
  },
);

Architecture.run();
