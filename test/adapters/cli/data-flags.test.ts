import { cac } from 'cac';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { dataOptions, withDataFlags } from '../../../src/adapters/cli/data-flags.js';

const DataFlags = suite('data flags');

DataFlags('flags win over FANBASE_* variables, which win over the defaults', () => {
  const env = { FANBASE_DATA: '/env/data', FANBASE_MAPPING: '/env/m.json', FANBASE_AS_OF: '2026-01-01' };
  assert.equal(dataOptions({ data: '/flag', asOf: '2026-06-15' }, env), {
    engine: 'duckdb',
    data: '/flag',
    mapping: '/env/m.json',
    asOf: '2026-06-15',
  });
  assert.equal(dataOptions({}, {}), {
    engine: 'duckdb',
    data: undefined,
    mapping: undefined,
    asOf: undefined,
  });
  assert.equal(dataOptions({}, { FANBASE_DATA: '  ' }).data, undefined);
});

DataFlags('the engine: --engine and --clickhouse-url, else FANBASE_ENGINE and FANBASE_CLICKHOUSE_*', () => {
  const env = {
    FANBASE_ENGINE: 'clickhouse',
    FANBASE_CLICKHOUSE_URL: 'http://ch:8123',
    FANBASE_CLICKHOUSE_USER: 'u',
  };
  const fromEnv = dataOptions({}, env);
  assert.is(fromEnv.engine, 'clickhouse');
  assert.equal(fromEnv.clickhouse, {
    url: 'http://ch:8123',
    username: 'u',
    password: undefined,
    database: undefined,
  });
  assert.is(dataOptions({ clickhouseUrl: 'chdb:/tmp/x' }, env).clickhouse?.url, 'chdb:/tmp/x');
  assert.is(dataOptions({ engine: 'duckdb' }, env).engine, 'duckdb');
  assert.throws(() => dataOptions({ engine: 'mysql' }, {}), /--engine must be duckdb or clickhouse/);
});

DataFlags('declares --data, --mapping, --as-of, --engine and --clickhouse-url on a command', () => {
  const command = withDataFlags(cac('x').command('run', 'r'));
  assert.equal(
    command.options.map((o) => o.name),
    ['data', 'mapping', 'asOf', 'engine', 'clickhouseUrl'],
  );
});

DataFlags.run();
