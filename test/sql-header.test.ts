import { readdirSync, readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { declaredGrain, declaredReads } from '../src/sql-header.js';

const SQL = new URL('../sql/', import.meta.url).pathname;
const files = ['load', 'duckdb', 'clickhouse'].flatMap((folder) =>
  readdirSync(`${SQL}${folder}`)
    .filter((f) => f.endsWith('.sql'))
    .map((f) => `${folder}/${f}`),
);

const Header = suite('SQL headers');

Header('reads the declared reads and the grain', () => {
  assert.equal(declaredReads('-- one row per x\n-- reads: fans, users\nselect 1'), ['fans', 'users']);
  assert.equal(declaredReads('-- no rows: y\n-- reads: nothing\ninsert'), []);
  assert.throws(() => declaredReads('-- one row per x\nselect 1'), /without a "-- reads:" line/);
  assert.equal(declaredGrain('-- one row per (artist_id, user_id): the fans'), ['artist_id', 'user_id']);
  assert.equal(declaredGrain('-- one row per user_id: the users'), ['user_id']);
  assert.equal(declaredGrain('-- one row per artist_id with at least one fan'), ['artist_id']);
  assert.is(declaredGrain('-- one row: totals'), null);
});

Header('every file declares exactly what it reads: the tables and relations after from and join', () => {
  assert.ok(files.length >= 35, `${files.length} files`);
  for (const file of files) {
    const text = readFileSync(`${SQL}${file}`, 'utf8');
    const code = text.replace(/--[^\n]*/g, '');
    const referenced = new Set([...code.matchAll(/\b(?:from|join)\s+([a-z_][a-z0-9_]*)/gi)].map((m) => m[1]));
    const ctes = new Set([...code.matchAll(/(?:with|,)\s*([a-z_][a-z0-9_]*)\s+as\s*\(/gi)].map((m) => m[1]));
    const declared = declaredReads(text);
    for (const name of declared)
      assert.ok(referenced.has(name), `${file} declares ${name} but does not read it`);
    for (const name of referenced) {
      if (!ctes.has(name)) assert.ok(declared.includes(name as string), `${file} reads ${name} undeclared`);
    }
  }
});

Header('a column named like a relation is not a read: follows in fans.sql is both, and declared once', () => {
  const fans = readFileSync(`${SQL}clickhouse/fans.sql`, 'utf8');
  assert.match(fans, /as follows\b/);
  assert.equal(declaredReads(fans).filter((name) => name === 'follows').length, 1);
  const artistFans = readFileSync(`${SQL}clickhouse/artist_fans.sql`, 'utf8');
  assert.equal(declaredReads(artistFans), ['fans']);
});

Header.run();
