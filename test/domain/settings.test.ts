import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { FanbaseError } from '../../src/domain/errors.js';
import { DEFAULT_SCORE_CONFIG } from '../../src/domain/score.js';
import { DEFAULT_FAN_DEFINITION, resolveSettings } from '../../src/domain/settings.js';

const Resolve = suite('resolveSettings');

Resolve('defaults: today in UTC, all history, 30 s streams, follows make fans', () => {
  const s = resolveSettings({}, new Date('2026-06-15T23:59:59Z'));
  assert.is(s.asOf, '2026-06-15');
  assert.is(s.windowStart, null);
  assert.equal(s.fan, DEFAULT_FAN_DEFINITION);
  assert.equal(s.score, DEFAULT_SCORE_CONFIG);
  assert.is(s.majority.defaultAge, 18);
});

Resolve('a window of N days ends on as_of, inclusive', () => {
  assert.is(resolveSettings({ asOf: '2026-06-15', fan: { windowDays: 1 } }).windowStart, '2026-06-15');
  assert.is(resolveSettings({ asOf: '2026-06-15', fan: { windowDays: 30 } }).windowStart, '2026-05-17');
  assert.is(resolveSettings({ asOf: '2026-06-15', fan: { since: '2026-01-01' } }).windowStart, '2026-01-01');
});

Resolve('partial score settings keep the other defaults', () => {
  const s = resolveSettings({ score: { halfLifeDays: 7, weights: { follow: 0.5 } } });
  assert.is(s.score.halfLifeDays, 7);
  assert.is(s.score.weights.follow, 0.5);
  assert.is(s.score.weights.listening, DEFAULT_SCORE_CONFIG.weights.listening);
});

Resolve('a majority table adds to the built-in one; unknown countries get the strictest age', () => {
  const s = resolveSettings({ majority: { byCountry: { FR: 19 } } });
  assert.is(s.majority.byCountry.FR, 19);
  assert.is(s.majority.byCountry.US, 21, 'the built-in table stays');
  assert.is(s.majority.unknownCountryAge, 21);
  const stricter = resolveSettings({ majority: { byCountry: { FR: 25 } } });
  assert.is(stricter.majority.unknownCountryAge, 25);
  assert.is(resolveSettings({ majority: { unknownCountryAge: 30 } }).majority.unknownCountryAge, 30);
});

Resolve('refuses bad settings, naming them', () => {
  const cases: [Parameters<typeof resolveSettings>[0], RegExp][] = [
    [{ asOf: '2026-13-01' }, /asOf must be a date/],
    [{ fan: { since: '2026-01-01', windowDays: 3 } }, /fan.since and fan.windowDays both set a window/],
    [{ fan: { windowDays: 0 } }, /fan.windowDays must be a whole number of days >= 1/],
    [{ fan: { minMsPlayed: -1 } }, /fan.minMsPlayed must be/],
    [{ fan: { minStreams: 0 } }, /fan.minStreams must be/],
    [{ asOf: '2026-01-01', fan: { since: '2026-02-01' } }, /fan.since \(2026-02-01\) is after asOf/],
    [{ majority: { byCountry: { FR: 17.5 } } }, /majority.FR must be an age in whole years/],
    [{ majority: { byCountry: { us: 21 } } }, /majority.byCountry.us is not an ISO 3166-1 alpha-2 code/],
    [{ score: { streamsHalf: Number.NaN } }, /score.streamsHalf must be a number > 0/],
  ];
  for (const [options, message] of cases) {
    try {
      resolveSettings(options);
      assert.unreachable(JSON.stringify(options));
    } catch (error) {
      assert.instance(error, FanbaseError);
      assert.match((error as Error).message, message);
    }
  }
});

Resolve.run();
