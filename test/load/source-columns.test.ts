import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { ColumnKind } from '../../src/domain/data-contract.js';
import { plainRows } from '../../src/duckdb/plain-values.js';
import type { EpochUnit } from '../../src/load/mapping.js';
import { type ColumnConversion, convertColumn } from '../../src/load/source-columns.js';
import { freshConnection } from '../support/duckdb.js';

/** Converts the values of a one-column table built from `select`, returning [value, bad] per row. */
async function convert(select: string, kind: ColumnKind, epoch?: EpochUnit) {
  const { conn, close } = await freshConnection();
  try {
    await conn.run(`create table t as ${select}`);
    const type = String(
      (await conn.runAndReadAll('select typeof(x) as t from t limit 1')).getRowObjectsJS()[0]?.t,
    );
    const c = convertColumn('x', type, kind, epoch);
    if (typeof c === 'string') return c;
    const conversion = c as ColumnConversion;
    const rows = plainRows(
      (
        await conn.runAndReadAll(
          `select ${conversion.value} as v, coalesce(${conversion.bad ?? 'false'}, false) as bad from t`,
        )
      ).getRowObjectsJS() as Record<string, unknown>[],
    );
    return rows.map((r) => [r.v, r.bad]);
  } finally {
    close();
  }
}

const Convert = suite('convertColumn');

Convert('ids from integers, integral doubles and digit strings; nothing else', async () => {
  assert.equal(await convert('select unnest([1, 0, -3])::integer as x', 'id'), [
    [1, false],
    [0, false],
    [-3, true],
  ]);
  assert.equal(await convert('select unnest([2.0, 2.5, null])::double as x', 'id'), [
    [2, false],
    [null, true],
    [null, false],
  ]);
  assert.equal(await convert("select unnest(['12', ' 7 ', 'x1', '', '1.0'])::varchar as x", 'id'), [
    [12, false],
    [7, false],
    [null, true],
    [null, false],
    [null, true],
  ]);
  assert.match(
    String(await convert("select date '2020-01-01' as x", 'id')),
    /is DATE, expected whole numbers/,
  );
});

Convert('timestamps: offsets to UTC, dates at midnight, epoch units', async () => {
  assert.equal(
    await convert(
      "select unnest(['2026-06-01T10:00:00+02:00', '2026-06-01 10:00', 'soon'])::varchar as x",
      'timestamp',
    ),
    [
      ['2026-06-01T08:00:00.000Z', false],
      ['2026-06-01T10:00:00.000Z', false],
      [null, true],
    ],
  );
  assert.equal(await convert('select 1780308000::bigint as x', 'timestamp', 's'), [
    ['2026-06-01T10:00:00.000Z', false],
  ]);
  assert.equal(await convert('select 1780308000000::bigint as x', 'timestamp', 'ms'), [
    ['2026-06-01T10:00:00.000Z', false],
  ]);
  assert.equal(await convert("select '1780308000000000' as x", 'timestamp', 'us'), [
    ['2026-06-01T10:00:00.000Z', false],
  ]);
  assert.equal(await convert('select 637027200000::bigint as x', 'date', 'ms'), [['1990-03-10', false]]);
  assert.equal(await convert("select timestamptz '2026-06-01 23:30:00-02' as x", 'date'), [
    ['2026-06-02', false],
  ]);
  assert.match(
    String(await convert('select 5::bigint as x', 'timestamp')),
    /holds numbers .*set the epoch unit/,
  );
  assert.match(
    String(await convert('select true as x', 'timestamp', 'ms')),
    /is BOOLEAN, but the mapping says it holds epoch numbers/,
  );
});

Convert('booleans from true/false words and 1/0', async () => {
  assert.equal(await convert("select unnest(['true', 'FALSE', '1', 'maybe'])::varchar as x", 'boolean'), [
    [true, false],
    [false, false],
    [true, false],
    [null, true],
  ]);
  assert.equal(await convert('select unnest([1, 0, 2])::integer as x', 'boolean'), [
    [true, false],
    [false, false],
    [null, true],
  ]);
});

Convert('countries are trimmed and upper-cased text', async () => {
  assert.equal(await convert("select unnest([' fr', 'TN', ''])::varchar as x", 'country'), [
    ['FR', false],
    ['TN', false],
    [null, false],
  ]);
  assert.match(
    String(await convert('select 33 as x', 'country')),
    /is INTEGER, expected ISO 3166-1 alpha-2 codes/,
  );
});

Convert.run();

const SqlType = suite('sqlTypeOf');

SqlType('gives each kind the type its converted column has', async () => {
  const { sqlTypeOf } = await import('../../src/load/source-columns.js');
  assert.equal((['id', 'count', 'date', 'timestamp', 'country', 'boolean'] as const).map(sqlTypeOf), [
    'bigint',
    'bigint',
    'date',
    'timestamp',
    'varchar',
    'boolean',
  ]);
});

SqlType.run();
