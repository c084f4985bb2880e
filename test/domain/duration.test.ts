import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { durationSeconds, durationText, MAX_DURATION_SECONDS } from '../../src/domain/duration.js';

const Duration = suite('durationSeconds');

Duration('reads seconds, minutes, hours and days, up to a year', () => {
  assert.equal(
    ['90', '90s', '15m', '12h', '30d', ' 2h '].map(durationSeconds),
    [90, 90, 900, 43_200, 2_592_000, 7200],
  );
  assert.is(durationSeconds('366d'), MAX_DURATION_SECONDS);
  for (const bad of ['', '0', '0s', '1w', '-5m', '1.5h', '367d', 'soon', '12 h']) {
    assert.is(durationSeconds(bad), undefined, bad);
  }
});

Duration.run();

const Text = suite('durationText');

Text('writes the unit that divides the duration, days from two days on', () => {
  assert.equal([90, 900, 3600, 86_400, 172_800, 2_592_000, 61].map(durationText), [
    '90s',
    '15m',
    '1h',
    '24h',
    '2d',
    '30d',
    '61s',
  ]);
});

Text.run();
