import { readdirSync, readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { boundParameters, parameterNames, sqlFile } from '../../src/duckdb/sql-files.js';

const SQL_DIR = new URL('../../sql/', import.meta.url);
const Files = suite('sql files');

Files('reads one statement per file, without its semicolon', () => {
  assert.match(sqlFile('duckdb/top_fans'), /^-- up to \$limit rows/);
  assert.not.match(sqlFile('duckdb/top_fans'), /;\s*$/);
});

Files('lists named parameters once each', () => {
  assert.equal(parameterNames('select $a, $b_c, $a from t where x = $limit'), ['a', 'b_c', 'limit']);
});

Files('binds exactly the parameters a statement names, null for one not given', () => {
  assert.equal(boundParameters('select $a, $b where $a > 0', { a: 1, c: 3 }), { a: 1, b: null });
});

Files('every file starts with its grain and holds a single statement', () => {
  const names = ['load', 'duckdb', 'generate', 'clickhouse'].flatMap((folder) =>
    readdirSync(new URL(`${folder}/`, SQL_DIR))
      .filter((f) => f.endsWith('.sql'))
      .map((f) => `${folder}/${f}`),
  );
  assert.ok(names.length >= 35, `${names.length} files`);
  for (const name of names) {
    const text = readFileSync(new URL(name, SQL_DIR), 'utf8');
    assert.match(text, /^-- (one row|up to|one macro|zero or one row|no rows)/, name);
    const body = text.replace(/--.*$/gm, '').replace(/'[^']*'/g, "''");
    assert.is(body.trim().replace(/;$/, '').includes(';'), false, `${name} holds more than one statement`);
  }
});

Files.run();
