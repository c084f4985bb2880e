import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fanRecord, rankedFan, toArtistProfile } from '../../../src/adapters/clickhouse/clickhouse-rows.js';
import { expectFanbaseError } from '../../support/expect-error.js';

const Rows = suite('plain-rows');

const FAN = {
  artist_id: 123,
  user_id: 1,
  country: 'FR',
  age: 36,
  is_adult: true,
  score: 0.5,
  adult_rank: 1,
  listening_ms: 540000,
  streams: 3,
  active_days: 3,
  days_since_last_stream: 0,
  share: 0.6,
  follows: true,
};

Rows('a profile: [value, count] pairs become the domain counts', () => {
  assert.equal(
    toArtistProfile({
      artist_id: 7,
      total_fans: 3,
      age_counts: [
        [18, 2],
        [40, 1],
      ],
      country_counts: [['FR', 3]],
    }),
    {
      artist_id: 7,
      total_fans: 3,
      age_counts: [
        { value: 18, count: 2 },
        { value: 40, count: 1 },
      ],
      country_counts: [{ country: 'FR', count: 3 }],
    },
  );
  assert.equal(
    toArtistProfile({ artist_id: 7, total_fans: 1, age_counts: [], country_counts: null }).country_counts,
    [],
  );
});

Rows('a fan keeps the domain fields only, nulls as nulls', () => {
  const { adult_rank: _, ...expected } = FAN;
  assert.equal(fanRecord(FAN), expected);
  const follower = fanRecord({
    ...FAN,
    country: null,
    age: null,
    listening_ms: null,
    days_since_last_stream: null,
  });
  assert.is(follower.country, null);
  assert.is(follower.age, null);
  assert.is(follower.listening_ms, null);
  assert.is(follower.days_since_last_stream, null);
  assert.equal(Object.keys(rankedFan(FAN)), ['artist_id', 'user_id', 'country', 'age', 'is_adult', 'score']);
});

Rows('numbers that are not numbers, or beyond 2^53, are refused rather than passed on', async () => {
  await expectFanbaseError(
    () => fanRecord({ ...FAN, user_id: '1' }),
    'INTERNAL',
    /user_id = "1", not a number/,
  );
  await expectFanbaseError(() => fanRecord({ ...FAN, user_id: 2 ** 60 }), 'INTERNAL', /within 2\^53/);
  await expectFanbaseError(() => fanRecord({ ...FAN, streams: 1.5 }), 'INTERNAL', /streams/);
});

Rows.run();
