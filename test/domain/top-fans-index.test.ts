import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { DEFAULT_MAJORITY_POLICY } from '../../src/domain/majority.js';
import { createTopFansIndex, type RankedFan } from '../../src/domain/top-fans-index.js';
import { expectFanbaseError } from '../support/expect-error.js';

const row = (
  artist_id: number,
  user_id: number,
  score: number,
  extra: Partial<RankedFan> = {},
): RankedFan => ({
  artist_id,
  user_id,
  country: 'FR',
  age: 30,
  is_adult: true,
  score,
  ...extra,
});

const Index = suite('createTopFansIndex');

Index('answers each artist top fans ranked 1..n, [] for an artist without adult fans', () => {
  const index = createTopFansIndex(
    [row(1, 10, 0.9), row(1, 11, 0.5, { country: null, age: 40 }), row(2, 10, 0.7)],
    100,
    DEFAULT_MAJORITY_POLICY,
  );
  assert.is(index.artists, 2);
  assert.equal(index.get(1, 5), [
    { rank: 1, artist_id: 1, user_id: 10, country: 'FR', score: 0.9 },
    { rank: 2, artist_id: 1, user_id: 11, country: null, score: 0.5 },
  ]);
  assert.equal(index.get(1, 1), [{ rank: 1, artist_id: 1, user_id: 10, country: 'FR', score: 0.9 }]);
  assert.equal(index.get(2, 100), [{ rank: 1, artist_id: 2, user_id: 10, country: 'FR', score: 0.7 }]);
  assert.equal(index.get(3, 3), []);
});

Index('never holds a minor, even one a repository marks adult; ranks close up behind them', () => {
  // 19 in the US is a minor (21 there), though the row says adult
  const index = createTopFansIndex(
    [row(1, 10, 0.9, { country: 'US', age: 19 }), row(1, 11, 0.8, { age: null }), row(1, 12, 0.7)],
    100,
    DEFAULT_MAJORITY_POLICY,
  );
  assert.equal(
    index.get(1, 3).map((f) => [f.rank, f.user_id]),
    [[1, 12]],
  );
});

Index('keeps at most depth fans an artist, and refuses n beyond it', async () => {
  const index = createTopFansIndex(
    [row(1, 10, 0.9), row(1, 11, 0.8), row(1, 12, 0.7)],
    2,
    DEFAULT_MAJORITY_POLICY,
  );
  assert.equal(
    index.get(1, 2).map((f) => f.user_id),
    [10, 11],
  );
  for (const n of [0, 3, 1.5]) {
    await expectFanbaseError(
      () => index.get(1, n),
      'INVALID_ARGUMENT',
      /nb_fans must be a whole number from 1 to 2/,
    );
  }
});

Index('refuses rows whose artists are not grouped together', async () => {
  await expectFanbaseError(
    () =>
      createTopFansIndex([row(1, 10, 0.9), row(2, 11, 0.8), row(1, 12, 0.7)], 100, DEFAULT_MAJORITY_POLICY),
    'INTERNAL',
    /artist 1 are not grouped/,
  );
});

Index.run();
