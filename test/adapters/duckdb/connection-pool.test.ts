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

Pool(
  'a query over the time limit is interrupted, fails with QUERY_TIMEOUT, and the connection goes on',
  async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const pool = await ConnectionPool.create(instance, 1, 200);
    const started = performance.now();
    // counting 10^12 rows takes minutes: only the interrupt can end it this soon
    await expectFanbaseError(
      () => pool.use((c) => c.connection.run('select count(*) from range(1000000000000)')),
      'QUERY_TIMEOUT',
      /ran over 200 ms and was interrupted/,
    );
    const waited = performance.now() - started;
    assert.ok(waited >= 190 && waited < 5_000, `interrupted after ${waited} ms`);
    const reader = await pool.use((c) => c.connection.runAndReadAll('select 42 as answer'));
    assert.equal(reader.getRowObjectsJS(), [{ answer: 42 }]);
    // a quick query is not touched by the timer, and errors of its own stay its own
    await pool.use((c) => c.connection.run('select 1'));
    let own: unknown;
    await pool
      .use((c) => c.connection.run('select * from no_such_table'))
      .catch((error) => {
        own = error;
      });
    assert.not.ok((own as { code?: string }).code === 'QUERY_TIMEOUT');
    await pool.close();
    await expectFanbaseError(
      () => ConnectionPool.create(instance, 1, -1),
      'INVALID_OPTIONS',
      /queryTimeoutMs/,
    );
    instance.closeSync();
  },
);

Pool.run();
