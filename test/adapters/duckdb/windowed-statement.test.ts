import { DuckDBInstance } from '@duckdb/node-api';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { windowedStatement } from '../../../src/adapters/duckdb/windowed-statement.js';
import { sqlFile } from '../../../src/duckdb/sql-files.js';

const Windowed = suite('windowedStatement');

Windowed("puts the load's relations a question reads in front of it, as they are in sql/load", () => {
  const top = windowedStatement('window_top_fans');
  assert.ok(top.includes(sqlFile('load/fan_scores')), 'fan_scores.sql, unchanged');
  assert.not.ok(top.includes('artist_profiles as ('), 'top fans read no profile');
  assert.not.ok(
    top.includes('fans as (\n-- one row per (artist_id, user_id) fan: fan_scores'),
    'nor the ranked fans',
  );
  const own = sqlFile('duckdb/window_top_fans').replace(/^(--[^\n]*\n)+/, '');
  assert.ok(top.endsWith(own), "then the question's own text");
  const profile = windowedStatement('artist_profile');
  // a profile reads artist_profiles, which reads fan_scores: both, fan_scores first
  assert.ok(profile.indexOf('fan_scores as (') < profile.indexOf('artist_profiles as ('));
  assert.ok(profile.includes(sqlFile('load/artist_profiles')));
  assert.is(windowedStatement('window_top_fans'), top, 'built once');
});

Windowed('every windowed question prepares on the tables a snapshot keeps', async () => {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  for (const ddl of [
    'create table streams_daily (artist_id bigint, user_id bigint, day date, count_streams integer, total_ms_played bigint)',
    'create table user_daily (user_id bigint, day date, volume bigint)',
    'create table follows (artist_id bigint, user_id bigint, followed_on date)',
    'create table users (user_id bigint, country varchar, age integer, is_adult boolean)',
  ]) {
    await conn.run(ddl);
  }
  for (const name of ['window_top_fans', 'artist_profile', 'window_artist_fans', 'every_artist_profile']) {
    const statement = await conn.prepare(windowedStatement(name));
    statement.destroySync();
  }
  conn.closeSync();
  instance.closeSync();
});

Windowed.run();
