import * as fc from 'fast-check';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DEFAULT_SCORE_CONFIG,
  type FanSignals,
  score,
  scoreComponents,
  validateScoreConfig,
} from '../../src/domain/score.js';

const signals = fc.record({
  listening_ms: fc.option(fc.integer({ min: 0, max: 1_000 * 3_600_000 }), { nil: null }),
  streams: fc.integer({ min: 0, max: 100_000 }),
  active_days: fc.integer({ min: 0, max: 5_000 }),
  days_since_last_stream: fc.option(fc.integer({ min: 0, max: 5_000 }), { nil: null }),
  share: fc.double({ min: 0, max: 1, noNaN: true }),
  follows: fc.boolean(),
});

const nothing: FanSignals = {
  listening_ms: 0,
  streams: 0,
  active_days: 0,
  days_since_last_stream: null,
  share: 0,
  follows: false,
};

const Score = suite('score');

Score('is 0 for no engagement and stays in [0, 1]', () => {
  assert.is(score(nothing), 0);
  fc.assert(
    fc.property(signals, (s) => {
      const value = score(s);
      assert.ok(value >= 0 && value <= 1, String(value));
    }),
  );
});

Score('is above 0 for any fan: a qualifying stream or a follow', () => {
  assert.ok(score({ ...nothing, follows: true }) > 0);
  assert.ok(score({ ...nothing, streams: 1, active_days: 1, days_since_last_stream: 400 }) > 0);
});

Score('never decreases when one engagement signal grows', () => {
  const bump = fc.integer({ min: 1, max: 1_000 });
  fc.assert(
    fc.property(signals, bump, (s, d) => {
      const base = score(s);
      const more: FanSignals[] = [
        { ...s, streams: s.streams + d },
        { ...s, active_days: s.active_days + d },
        { ...s, share: Math.min(1, s.share + d / 1_000) },
        { ...s, follows: true },
        ...(s.listening_ms === null ? [] : [{ ...s, listening_ms: s.listening_ms + d * 60_000 }]),
        // more recent is more engaged
        ...(s.days_since_last_stream === null
          ? []
          : [{ ...s, days_since_last_stream: Math.max(0, s.days_since_last_stream - d) }]),
      ];
      for (const m of more) assert.ok(score(m) >= base - 1e-15, JSON.stringify({ s, m }));
    }),
  );
});

Score('one binge day does not beat a month of regular listening', () => {
  // 500 streams, 25 hours in one day: capped per day at 20 streams and 2 hours before they reach the score
  const binge = {
    ...nothing,
    listening_ms: 2 * 3_600_000,
    streams: 20,
    active_days: 1,
    days_since_last_stream: 0,
    share: 1,
  };
  // 30 days of 3 streams, 10 minutes each
  const regular = {
    ...nothing,
    listening_ms: 30 * 10 * 60_000,
    streams: 90,
    active_days: 30,
    days_since_last_stream: 0,
    share: 0.5,
  };
  assert.ok(score(regular) > score(binge), `${score(regular)} <= ${score(binge)}`);
});

Score('recency halves every half-life', () => {
  const c = (days: number) => scoreComponents({ ...nothing, days_since_last_stream: days }).recency;
  assert.is(c(0), 1);
  assert.is(c(30), 0.5);
  assert.is(c(60), 0.25);
  const custom = { ...DEFAULT_SCORE_CONFIG, halfLifeDays: 7 };
  assert.is(scoreComponents({ ...nothing, days_since_last_stream: 7 }, custom).recency, 0.5);
});

Score('components saturate at half their constant', () => {
  const c = scoreComponents({
    listening_ms: 5 * 3_600_000,
    streams: 25,
    active_days: 8,
    days_since_last_stream: 0,
    share: 0.6,
    follows: true,
  });
  assert.equal(c, { listening: 0.5, streams: 0.5, regularity: 0.5, recency: 1, share: 0.6, follow: 1 });
});

Score('without listening time, the other weights share its part', () => {
  const s = { ...nothing, listening_ms: null, follows: true };
  assert.is(scoreComponents(s).listening, null);
  // follow alone: .1 / (1 - .25)
  assert.ok(Math.abs(score(s) - 0.1 / 0.75) < 1e-15);
});

Score('is deterministic and follows the weights given', () => {
  const s = { ...nothing, follows: true, streams: 3 };
  assert.is(score(s), score(s));
  const followOnly = {
    ...DEFAULT_SCORE_CONFIG,
    weights: { listening: 0, streams: 0, regularity: 0, recency: 0, share: 0, follow: 1 },
  };
  assert.is(score(s, followOnly), 1);
});

Score.run();

const Validate = suite('validateScoreConfig');

Validate('names the setting that is wrong', () => {
  assert.throws(
    () => validateScoreConfig({ ...DEFAULT_SCORE_CONFIG, halfLifeDays: 0 }),
    /score.halfLifeDays must be a number > 0, got 0/,
  );
  assert.throws(
    () =>
      validateScoreConfig({
        ...DEFAULT_SCORE_CONFIG,
        weights: { ...DEFAULT_SCORE_CONFIG.weights, share: -1 },
      }),
    /score.weights.share must be a number >= 0/,
  );
  assert.throws(
    () =>
      validateScoreConfig({
        ...DEFAULT_SCORE_CONFIG,
        weights: { listening: 1, streams: 0, regularity: 0, recency: 0, share: 0, follow: 0 },
      }),
    /at least one weight other than listening/,
  );
  assert.is(validateScoreConfig(DEFAULT_SCORE_CONFIG), DEFAULT_SCORE_CONFIG);
});

Validate.run();
