/**
 * The documentation is held to the repository: README.md, NOTES.md and docs/*.md link only to files (and
 * headings) that exist, cite only paths and file names that exist, README.md stays short, NOTES.md holds
 * no history, docs/operations.md documents every variable of .env.example and docker-compose.yml, and
 * NOTES.md's dependency table names every package of package.json.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** The pages checked, relative to the repository's root. */
const PAGES = [
  'README.md',
  'NOTES.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`),
];

/** Every file and folder of the repository (not node_modules, dist, .git), as paths from its root. */
function repositoryEntries(): { files: string[]; folders: Set<string> } {
  const files: string[] = [];
  const folders = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      if (dir === '' && ['node_modules', 'dist', '.git'].includes(entry.name)) continue;
      const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        folders.add(path);
        walk(path);
      } else {
        files.push(path);
      }
    }
  };
  walk('');
  return { files, folders };
}
const { files: FILES, folders: FOLDERS } = repositoryEntries();
const BASENAMES = new Set(FILES.map((file) => posix.basename(file)));

/** A glob (`*`, `**`, `?`) as a regular expression over whole paths. */
function globRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*' && glob[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** Whether a path from the root names a file or a folder of the repository (a glob: matches one). */
function exists(path: string): boolean {
  const clean = path.replace(/\/+$/, '');
  if (/[*?]/.test(clean)) {
    const pattern = globRegExp(clean);
    return FILES.some((f) => pattern.test(f)) || [...FOLDERS].some((f) => pattern.test(f));
  }
  return clean === '' || FILES.includes(clean) || FOLDERS.has(clean);
}

/** Whether some file of the repository has this name (a glob: one matches). */
function nameExists(name: string): boolean {
  if (!/[*?]/.test(name)) return BASENAMES.has(name);
  const pattern = globRegExp(name);
  return [...BASENAMES].some((b) => pattern.test(b));
}

/** The lines of a page outside fenced code blocks. */
function proseLines(text: string): string[] {
  let fenced = false;
  return text.split('\n').filter((line) => {
    if (/^\s*```/.test(line)) {
      fenced = !fenced;
      return false;
    }
    return !fenced;
  });
}

/** GitHub's anchors of a page's headings. */
function anchorsOf(text: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const line of proseLines(text)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const base = heading
      .toLowerCase()
      .replace(/`/g, '')
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** The targets of the page's Markdown links, outside code. */
function linksOf(text: string): string[] {
  const prose = proseLines(text)
    .join('\n')
    .replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1] as string);
}

/** Repository paths cited anywhere in the page: `src/...`, `sql/...`, `test/...` and the other top folders. */
const CITED_PATH = /(?<![\w./-])((?:\.ci|src|sql|test|fixtures|bench|scripts|deploy|docs)\/[\w.*?/-]*)/g;

function pathsOf(text: string): string[] {
  return [...text.matchAll(CITED_PATH)].map((m) => (m[1] as string).replace(/[.,:;]+$/, ''));
}

/** File names cited bare in backticks: `duckdb-errors.ts`, `fans.sql`, `RESULTS.md`, `*_issues.sql`. */
const CITED_NAME = /`([\w*?-][\w.*?-]*\.(?:ts|mts|mjs|cjs|js|sql|sh|xml|md|yml|yaml|json|svg))`/g;

function namesOf(text: string): string[] {
  return [...text.matchAll(CITED_NAME)].map((m) => m[1] as string);
}

const Docs = suite('docs');

Docs(
  'every relative link of README.md, NOTES.md and docs/*.md leads to a file and heading that exist',
  () => {
    const dead: string[] = [];
    for (const page of PAGES) {
      for (const link of linksOf(read(page))) {
        if (/^(https?:|mailto:)/.test(link)) continue;
        const [target = '', anchor] = link.split('#');
        const file =
          target === ''
            ? page
            : relative(ROOT, join(ROOT, dirname(page), target))
                .split('\\')
                .join('/');
        if (!existsSync(join(ROOT, file))) {
          dead.push(`${page}: the link ${link} leads to ${file}, which does not exist`);
          continue;
        }
        if (anchor !== undefined && file.endsWith('.md') && statSync(join(ROOT, file)).isFile()) {
          if (!anchorsOf(read(file)).has(anchor)) {
            dead.push(`${page}: the link ${link}: ${file} has no heading #${anchor}`);
          }
        }
      }
    }
    assert.ok(dead.length === 0, `dead links:\n${dead.join('\n')}`);
  },
);

Docs('every repository path and file name the pages cite exists', () => {
  const dead: string[] = [];
  for (const page of PAGES) {
    const text = read(page);
    for (const path of new Set(pathsOf(text))) {
      if (!exists(path)) dead.push(`${page}: ${path} is not in the repository`);
    }
    for (const name of new Set(namesOf(text))) {
      if (!nameExists(name)) dead.push(`${page}: no file of the repository is named ${name}`);
    }
  }
  assert.ok(dead.length === 0, `dead references:\n${dead.join('\n')}`);
});

Docs('the checks themselves find what they look for', () => {
  assert.equal(pathsOf('see `src/domain/age.ts`, sql/fans.sql. and http://x/src/no'), [
    'src/domain/age.ts',
    'sql/fans.sql',
  ]);
  assert.equal(namesOf('`duckdb-errors.ts` and `fans.sql`, not `--data` nor `a b.ts`'), [
    'duckdb-errors.ts',
    'fans.sql',
  ]);
  assert.ok(exists('sql/clickhouse/cluster/*.sql'));
  assert.not.ok(exists('src/nowhere.ts'));
  assert.not.ok(nameExists('http-floor.md'));
  assert.equal(linksOf('[a](docs/api.md#errors) `[b](c.md)`\n```\n[d](e.md)\n```'), ['docs/api.md#errors']);
  assert.ok(anchorsOf('# The port: FanRepository\n```\n# not a heading\n```\n## --output').has('--output'));
  assert.ok(anchorsOf('# The port: FanRepository').has('the-port-fanrepository'));
});

Docs('README.md is at most 200 lines', () => {
  const lines = read('README.md').trimEnd().split('\n').length;
  assert.ok(lines <= 200, `README.md has ${lines} lines: move details to docs/`);
});

Docs('NOTES.md states decisions, not history', () => {
  const notes = read('NOTES.md');
  const found = [...notes.matchAll(/\bissue\s+\d+|left for later/gi)].map((m) => m[0]);
  assert.ok(found.length === 0, `NOTES.md holds history: ${found.join(', ')}`);
});

Docs('docs/operations.md documents every variable of .env.example, with its default', () => {
  const operations = read('docs/operations.md').split('\n');
  const missing: string[] = [];
  for (const line of read('.env.example').split('\n')) {
    const m = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (!m) continue;
    const [, name, value] = m as unknown as [string, string, string];
    const rows = operations.filter((row) => row.includes(`\`${name}\``));
    if (rows.length === 0) missing.push(`${name} is not in docs/operations.md`);
    else if (value !== '' && !rows.some((row) => row.includes(value))) {
      missing.push(`${name}: no line of docs/operations.md gives its default ${value}`);
    }
  }
  assert.ok(missing.length === 0, missing.join('\n'));
});

Docs('docs/operations.md names every variable docker-compose.yml reads', () => {
  const operations = read('docs/operations.md');
  const names = new Set([...read('docker-compose.yml').matchAll(/\$\{([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]));
  const missing = [...names].filter((name) => !operations.includes(`\`${name}\``));
  assert.equal(missing, [], `docker-compose.yml variables missing from docs/operations.md`);
});

Docs("NOTES.md's dependency table names every package of package.json", () => {
  const notes = read('NOTES.md');
  const manifest = JSON.parse(read('package.json')) as Record<string, Record<string, string> | undefined>;
  const packages = [
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.devDependencies ?? {}),
  ];
  const missing = packages.filter((name) => !notes.includes(`\`${name}\``));
  assert.equal(missing, [], 'packages missing from the dependency table of NOTES.md');
});

Docs.run();
