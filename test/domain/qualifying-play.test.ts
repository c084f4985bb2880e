import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { isInWindow, isQualifyingPlay } from '../../src/domain/qualifying-play.js';

const Qualifying = suite('isQualifyingPlay');

Qualifying('a play qualifies from minMsPlayed on, not before; unknown or negative never does', () => {
  assert.ok(isQualifyingPlay(30_000, 30_000, true));
  assert.not.ok(isQualifyingPlay(29_999, 30_000, true));
  assert.ok(isQualifyingPlay(3_600_000, 30_000, true));
  assert.not.ok(isQualifyingPlay(null, 30_000, true));
  assert.not.ok(isQualifyingPlay(-5, 0, true));
  assert.ok(isQualifyingPlay(0, 0, true));
});

Qualifying('without ms_played in the data, every play qualifies', () => {
  assert.ok(isQualifyingPlay(null, 30_000, false));
});

Qualifying.run();

const Window = suite('isInWindow');

Window('from the window start to as_of, both included; never after as_of', () => {
  assert.ok(isInWindow('2026-06-15', '2026-06-15', null));
  assert.not.ok(isInWindow('2026-06-16', '2026-06-15', null));
  assert.ok(isInWindow('2020-01-01', '2026-06-15', null));
  assert.ok(isInWindow('2026-05-19', '2026-06-15', '2026-05-19'));
  assert.not.ok(isInWindow('2026-05-18', '2026-06-15', '2026-05-19'));
});

Window.run();
