import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import * as edge from '../../../fixtures/edge-cases/expected.js';
import { chdbTransport } from '../../../src/adapters/clickhouse/chdb-transport.js';
import {
  ClickHouseFanRepository,
  parametersOf,
} from '../../../src/adapters/clickhouse/clickhouse-fan-repository.js';
import { loadExports } from '../../../src/adapters/clickhouse/load-exports.js';
import type { ClickHouseTransport } from '../../../src/adapters/clickhouse/transport.js';
import { createFanbase } from '../../../src/domain/fanbase.js';
import { resolveSettings } from '../../../src/domain/settings.js';
import { FIXTURES } from '../../support/duckdb.js';
import { expectFanbaseError } from '../../support/expect-error.js';

const SETTINGS = resolveSettings({ asOf: edge.AS_OF });
const Repository = suite('ClickHouseFanRepository');

/** chdb with the edge-case fixture loaded; released if the load fails (chdb holds one folder per process). */
async function loaded(): Promise<ClickHouseTransport> {
  const transport = await chdbTransport();
  try {
    await loadExports(transport, join(FIXTURES, 'edge-cases/csv'), {}, SETTINGS);
    return transport;
  } catch (error) {
    await transport.close();
    throw error;
  }
}

Repository(
  'rows inserted after the load count from the next question: the views keep the answers current',
  async () => {
    const transport = await loaded();
    const repository = await ClickHouseFanRepository.open(transport, SETTINGS);
    try {
      // artist 300: user 2's only stream lasted 29,999 ms, under 30 s: no fan (fixtures/edge-cases/expected.ts)
      assert.is((await repository.artistProfile(300)).total_fans, 0);
      // the platform inserts a 3-minute play of 300 by user 1 (FR, 36)
      await transport.command("insert into streams_source values (1, 300, '2026-06-14 20:00:00', 180000)");
      const fb = createFanbase(repository, SETTINGS, {});
      assert.equal(await fb.summary(300), {
        success: true,
        artist_id: 300,
        total_fans: 1,
        fans_median_age: 36,
        fans_top_countries: ['FR'],
      });
      const [fan] = await repository.fans(300);
      assert.is(fan?.streams, 1);
      assert.is(fan?.listening_ms, 180000);
      // user 1's share of 123 now counts the new play in its denominator: 540,000 / (540,000 + 360,000 + 180,000)
      const [top] = await repository.topFans(123, 1);
      assert.ok(Math.abs((top?.share ?? 0) - 0.5) < 1e-12, String(top?.share));
      // a play dated 2180 is after as_of, as in DuckDB (days are Date32: Date would wrap it to 2000-07-27)
      await transport.command("insert into streams_source values (2, 300, '2180-01-01 00:00:00', 180000)");
      assert.is((await repository.artistProfile(300)).total_fans, 1);
      // a country the platform wrote in lower case with spaces is read as the exports' check reads it
      await transport.command("insert into users_source values (40, '1990-01-01', ' tn ', true)");
      await transport.command("insert into streams_source values (40, 300, '2026-06-14 21:00:00', 60000)");
      assert.equal((await fb.summary(300)).fans_top_countries, ['FR', 'TN']);
      // a birth date before 1900 inserted by the platform: Date32 stores 1900-01-01, read as unknown
      await transport.command("insert into users_source values (41, '1850-01-01', 'TN', true)");
      await transport.command("insert into streams_source values (41, 300, '2026-06-14 22:00:00', 60000)");
      const [old] = (await repository.fans(300)).filter((f) => f.user_id === 41);
      assert.is(old?.age, null);
    } finally {
      await repository.close();
    }
    await expectFanbaseError(() => repository.artistProfile(123), 'CLOSED');
    // the report is the load's, said so, with the answers' as_of
    assert.is(repository.report.as_of, edge.AS_OF);
    assert.match(
      repository.report.warnings.at(-1) as string,
      /the report is the one of fanbase prepare at .*rows inserted since/,
    );
  },
);

Repository('an artist with no fan has an empty profile and no top fans', async () => {
  const transport = await loaded();
  const repository = await ClickHouseFanRepository.open(transport, SETTINGS);
  try {
    assert.equal(await repository.artistProfile(999), {
      artist_id: 999,
      total_fans: 0,
      age_counts: [],
      country_counts: [],
    });
    assert.equal(await repository.topFans(999, 10), []);
    assert.equal(await repository.fans(999), []);
  } finally {
    await repository.close();
  }
});

Repository(
  'open over tables without fanbase schema fails with what to do, and releases the engine',
  async () => {
    const transport = await chdbTransport();
    await expectFanbaseError(
      () => ClickHouseFanRepository.open(transport, SETTINGS),
      'DATA_NOT_FOUND',
      /fanbase prepare --engine clickhouse/,
    );
    await expectFanbaseError(() => transport.query('select 1'), 'CLOSED');
  },
);

Repository('the tables fix minMsPlayed: other settings are refused, a schema without it too', async () => {
  const transport = await loaded();
  await expectFanbaseError(
    () =>
      ClickHouseFanRepository.open(transport, resolveSettings({ asOf: edge.AS_OF, fan: { minMsPlayed: 1 } })),
    'INVALID_OPTIONS',
    /count plays of 30000 ms or more/,
  );
  const bare = await chdbTransport();
  await bare.command('create table fanbase_settings (min_ms_played Int64) engine = Memory');
  await expectFanbaseError(
    () => ClickHouseFanRepository.open(bare, SETTINGS),
    'DATA_NOT_FOUND',
    /no fanbase_settings row/,
  );
});

Repository('parametersOf binds every setting the SQL reads, and says whether ms_played is known', () => {
  const settings = resolveSettings({
    asOf: '2026-06-15',
    fan: { windowDays: 30 },
    majority: { byCountry: { KR: 19 } },
  });
  const params = parametersOf(settings, false);
  assert.is(params.as_of, '2026-06-15');
  assert.not.ok('min_ms_played' in params, 'counted into the tables on insert, not a parameter');
  assert.is(params.window_start, '2026-05-17');
  assert.is(params.has_ms_played, false);
  assert.equal(params.majority, settings.majority.byCountry);
  assert.ok((params.countries as string[]).includes('FR'));
});

Repository.run();
