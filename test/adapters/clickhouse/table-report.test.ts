import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { chdbTransport } from '../../../src/adapters/clickhouse/chdb-transport.js';
import { ClickHouseFanRepository } from '../../../src/adapters/clickhouse/clickhouse-fan-repository.js';
import { createSchema } from '../../../src/adapters/clickhouse/schema.js';
import { resolveSettings } from '../../../src/domain/settings.js';

const Report = suite('reportFromTables');

Report(
  'tables the platform filled itself (no prepare): the report says what they hold and make',
  async () => {
    const transport = await chdbTransport();
    await createSchema(transport, 30_000);
    // users 1 (adult, consenting), 2 (no consent), 3 (minor); 1 and 2 stream artist 7, 3 follows it
    await transport.command(
      "insert into users_source values (1, '1990-01-01', 'FR', true), (2, '1990-01-01', 'FR', false), (3, '2015-01-01', 'DE', true)",
    );
    await transport.command(
      "insert into streams_source values (1, 7, '2026-06-01 10:00:00', 60000), (2, 7, '2026-06-01 10:00:00', 60000)",
    );
    await transport.command("insert into follows_source values (3, 7, '2026-01-01 00:00:00')");
    const settings = resolveSettings({ asOf: '2026-06-15' });
    const repository = await ClickHouseFanRepository.open(transport, settings);
    try {
      const { report } = repository;
      assert.equal(report.totals, {
        users: 3,
        eligible_users: 2,
        streams: 2,
        follows: 1,
        // not counted at open: every command would pay a pass over every artist (users 1 and 3 are artist 7's fans)
        artists_with_fans: null,
        fans: null,
      });
      assert.match(report.warnings.join('\n'), /not counted for tables filled without fanbase prepare/);
      assert.is((await repository.artistProfile(7)).total_fans, 2);
      assert.equal(
        report.sources.map((s) => [s.table, s.format, s.rows]),
        [
          ['users', 'clickhouse', 3],
          ['streams', 'clickhouse', 2],
          ['follows', 'clickhouse', 1],
        ],
      );
      assert.is(report.as_of, '2026-06-15');
      assert.equal(report.issues, []);
    } finally {
      await repository.close();
    }
  },
);

Report.run();
