import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { checkedFanRecord, checkedProfile, checkedRankedFan } from '../../src/domain/repository-rows.js';
import { expectFanbaseError } from '../support/expect-error.js';

const fan = {
  artist_id: 7,
  user_id: 1,
  country: 'FR',
  age: 30,
  is_adult: true,
  score: 0.5,
  listening_ms: 60_000,
  streams: 1,
  active_days: 1,
  days_since_last_stream: 0,
  share: 1,
  follows: false,
  adult_rank: 1,
};

const Rows = suite('checked repository rows');

Rows('a row of the right types passes, with only the fields of the record', () => {
  const { adult_rank: _, ...record } = fan;
  assert.equal(checkedFanRecord(fan, 'DuckDB'), record);
  assert.equal(checkedRankedFan({ ...fan, is_adult: 1 }, 'ClickHouse').is_adult, true);
  assert.equal(
    checkedProfile(
      { artist_id: 7, total_fans: 2, age_counts: [{ value: 30, count: 2 }], country_counts: null },
      'DuckDB',
    ),
    { artist_id: 7, total_fans: 2, age_counts: [{ value: 30, count: 2 }], country_counts: [] },
  );
});

Rows('a wrong type is an internal error naming the engine and the field, never a cast', async () => {
  await expectFanbaseError(
    () => checkedFanRecord({ ...fan, score: '0.5' }, 'DuckDB'),
    'INTERNAL',
    /DuckDB answered score = "0.5", not a number/,
  );
  await expectFanbaseError(
    () => checkedRankedFan({ ...fan, user_id: 2 ** 60 }, 'ClickHouse'),
    'INTERNAL',
    /not a whole number within 2\^53/,
  );
  await expectFanbaseError(
    () => checkedRankedFan({ ...fan, country: 3 }, 'DuckDB'),
    'INTERNAL',
    /country = 3, not text/,
  );
  await expectFanbaseError(
    () => checkedProfile({ artist_id: 1, total_fans: 1, age_counts: 'x' }, 'DuckDB'),
    'INTERNAL',
    /not lists/,
  );
});

Rows.run();
