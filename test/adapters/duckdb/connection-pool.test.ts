import { DuckDBInstance } from '@duckdb/node-api';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ConnectionPool } from '../../../src/adapters/duckdb/connection-pool.js';
import { expectFanbaseError } from '../../support/expect-error.js';

const Pool = suite('ConnectionPool');

Pool('serves many concurrent prepared queries with the right rows', async () => {
  const instance = await DuckDBInstance.create(':memory:');
  const setup = await instance.connect();
  // artist_profile.sql reads artist_profiles: give it one row per artist, the answer being the id itself
  await setup.run(
    'create table artist_profiles as select range as artist_id, range::integer as total_fans, null as age_counts, null as country_counts from range(500)',
  );
  setup.closeSync();
  const pool = await ConnectionPool.create(instance, 3);
  const ids = Array.from({ length: 2000 }, (_, i) => (i * 7919) % 500);
  const answers = await Promise.all(
    ids.map((id) =>
      pool.use((c) => c.query('artist_profile', { artist_id: id }).then((rows) => rows[0]?.total_fans)),
    ),
  );
  assert.equal(answers, ids);
  await pool.close();
  instance.closeSync();
});

Pool('close waits for calls in flight, then refuses new ones', async () => {
  const instance = await DuckDBInstance.create(':memory:');
  const pool = await ConnectionPool.create(instance, 1);
  let finished = false;
  const inFlight = pool.use(async (c) => {
    await new Promise((r) => setTimeout(r, 50));
    await c.connection.run('select 1');
    finished = true;
  });
  await pool.close();
  assert.ok(finished, 'the call in flight finished before close returned');
  await inFlight;
  await expectFanbaseError(() => pool.use(async () => 1), 'CLOSED', /closed/);
  instance.closeSync();
});

Pool.run();
