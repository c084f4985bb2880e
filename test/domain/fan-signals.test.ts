import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { dayVolume, fanSignals, isFan } from '../../src/domain/fan-signals.js';
import { DEFAULT_SCORE_CONFIG } from '../../src/domain/score.js';
import { DEFAULT_FAN_DEFINITION } from '../../src/domain/settings.js';

const context = { asOf: '2026-02-28', hasMsPlayed: true, score: DEFAULT_SCORE_CONFIG };
const Signals = suite('fanSignals');

Signals('caps each day at 2 h and 20 streams before summing; the share is uncapped', () => {
  // fixtures/rules: user 2's 30 plays of 6 min on 02-20
  const binge = { day: '2026-02-20', streams: 30, msPlayed: 10_800_000 };
  assert.equal(fanSignals([binge], 10_800_000, false, context), {
    listening_ms: 7_200_000,
    streams: 20,
    active_days: 1,
    days_since_last_stream: 8,
    share: 1,
    follows: false,
  });
  // two days: 1 h and 3 h -> 1 h + 2 h; the user listened to other artists for 4 h more: share 4/8
  const days = [
    { day: '2026-02-01', streams: 5, msPlayed: 3_600_000 },
    { day: '2026-02-10', streams: 25, msPlayed: 10_800_000 },
  ];
  assert.equal(fanSignals(days, 28_800_000, true, context), {
    listening_ms: 10_800_000,
    streams: 25,
    active_days: 2,
    days_since_last_stream: 18,
    share: 0.5,
    follows: true,
  });
});

Signals('a follower with no play, and a user with no volume', () => {
  assert.equal(fanSignals([], 0, true, context), {
    listening_ms: 0,
    streams: 0,
    active_days: 0,
    days_since_last_stream: null,
    share: 0,
    follows: true,
  });
  const silent = [{ day: '2026-02-27', streams: 2, msPlayed: 0 }];
  assert.is(fanSignals(silent, 0, false, context).share, 0);
});

Signals('without ms_played, listening is unknown and the share counts streams', () => {
  const days = [{ day: '2026-02-27', streams: 3, msPlayed: 0 }];
  const signals = fanSignals(days, 6, false, { ...context, hasMsPlayed: false });
  assert.is(signals.listening_ms, null);
  assert.is(signals.share, 0.5);
  assert.is(dayVolume(days[0] as (typeof days)[0], false), 3);
});

Signals.run();

const Fan = suite('isFan');

Fan('minStreams qualifying streams, or a follow when follows make fans', () => {
  assert.ok(isFan(1, false, DEFAULT_FAN_DEFINITION));
  assert.not.ok(isFan(0, false, DEFAULT_FAN_DEFINITION));
  assert.ok(isFan(0, true, DEFAULT_FAN_DEFINITION));
  assert.not.ok(isFan(0, true, { ...DEFAULT_FAN_DEFINITION, followsMakeFans: false }));
  assert.not.ok(isFan(2, false, { ...DEFAULT_FAN_DEFINITION, minStreams: 3 }));
});

Fan.run();
