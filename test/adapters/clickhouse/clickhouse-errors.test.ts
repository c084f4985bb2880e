import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { chdbTransport } from '../../../src/adapters/clickhouse/chdb-transport.js';
import {
  clickHouseCodeOf,
  clickHouseError,
  statementName,
} from '../../../src/adapters/clickhouse/clickhouse-errors.js';
import { FanbaseError } from '../../../src/domain/errors.js';
import { expectFanbaseError } from '../../support/expect-error.js';

const Errors = suite('clickHouseError');

Errors('ClickHouse codes become fanbase codes that say what to do', () => {
  const map = (error: unknown) => clickHouseError(error, 'http://ch:8123', 'the query "x"');
  const timeout = map(Object.assign(new Error('Code: 159. Timeout exceeded'), { code: '159' }));
  assert.is(timeout.code, 'QUERY_TIMEOUT');
  const table = map(Object.assign(new Error('Unknown table users_source'), { clickhouseCode: 60 }));
  assert.is(table.code, 'DATA_NOT_FOUND');
  assert.match(table.message, /fanbase prepare --engine clickhouse/);
  assert.match(table.message, /sql\/clickhouse\/cluster/);
  const auth = map(new Error('Code: 516. DB::Exception: fanbase: Authentication failed'));
  assert.is(auth.code, 'ENGINE_UNAVAILABLE');
  assert.match(auth.message, /FANBASE_CLICKHOUSE_PASSWORD/);
  const network = map(
    Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:8123'), { code: 'ECONNREFUSED' }),
  );
  assert.is(network.code, 'ENGINE_UNAVAILABLE');
  assert.match(network.message, /http:\/\/ch:8123.*ECONNREFUSED/);
  const grant = map(
    Object.assign(new Error('Code: 497. DB::Exception: fanbase: Not enough privileges'), { code: '497' }),
  );
  assert.is(grant.code, 'ENGINE_UNAVAILABLE');
  assert.match(grant.message, /grant that user SELECT/);
  const slow = map(new Error('Timeout error.'));
  assert.is(slow.code, 'QUERY_TIMEOUT');
  const bug = map(new Error('Code: 47. DB::Exception: Unknown identifier x\nstack...'));
  assert.is(bug.code, 'INTERNAL');
  assert.not.match(bug.message, /stack/);
  const own = new FanbaseError('CLOSED', 'closed');
  assert.is(map(own), own);
});

Errors('clickHouseCodeOf reads chdb, @clickhouse/client and plain messages alike', () => {
  assert.is(clickHouseCodeOf({ clickhouseCode: 60 }), 60);
  assert.is(clickHouseCodeOf({ code: '241' }), 241);
  assert.is(clickHouseCodeOf(new Error('Code: 81. DB::Exception: no db')), 81);
  assert.is(clickHouseCodeOf(new Error('socket hang up')), undefined);
  assert.is(clickHouseCodeOf(null), undefined);
});

Errors('a real missing table, through chdb', async () => {
  const transport = await chdbTransport();
  try {
    await expectFanbaseError(
      () => transport.query('select * from streams_source'),
      'DATA_NOT_FOUND',
      /lacks fanbase's tables/,
    );
  } finally {
    await transport.close();
  }
});

Errors('statementName names a statement by its leading comment, else its first words', () => {
  assert.is(
    statementName('-- fanbase: top_fans\nwith x as (select 1) select 2'),
    'the query "fanbase: top_fans"',
  );
  assert.is(statementName('insert into  t\n values (1)'), '"insert into t values (1)"');
});

Errors.run();
