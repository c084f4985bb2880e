import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { DEFAULT_SCORE_CONFIG } from '../../src/domain/score.js';
import { ENGAGEMENT_TIERS, engagementTierOf } from '../../src/domain/segments.js';

const Tiers = suite('engagementTierOf');

Tiers('super from the score half points on (25 streams on 8 days), light at one day or none', () => {
  assert.equal(ENGAGEMENT_TIERS, ['super', 'moderate', 'light']);
  const tier = (streams: number, active_days: number) =>
    engagementTierOf({ streams, active_days }, DEFAULT_SCORE_CONFIG);
  assert.is(tier(25, 8), 'super');
  assert.is(tier(400, 90), 'super');
  // one signal short of its half point: moderate
  assert.is(tier(24, 8), 'moderate');
  assert.is(tier(25, 7), 'moderate');
  assert.is(tier(2, 2), 'moderate');
  // one visit, however long, or a follow without a qualifying stream
  assert.is(tier(20, 1), 'light');
  assert.is(tier(0, 0), 'light');
});

Tiers('the thresholds follow the settings', () => {
  const low = { streamsHalf: 3, activeDaysHalf: 3 };
  assert.is(engagementTierOf({ streams: 3, active_days: 3 }, low), 'super');
  // with a half point of 1 day, one visit of enough streams is super, not light
  assert.is(engagementTierOf({ streams: 1, active_days: 1 }, { streamsHalf: 1, activeDaysHalf: 1 }), 'super');
});

Tiers.run();
