import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ageAt } from '../../src/domain/age.js';

const AgeAt = suite('ageAt');

AgeAt('counts whole years, a year more from the birthday on', () => {
  assert.is(ageAt('2008-06-15', '2026-06-15'), 18); // birthday today
  assert.is(ageAt('2008-06-16', '2026-06-15'), 17); // birthday tomorrow
  assert.is(ageAt('2008-06-14', '2026-06-15'), 18);
  assert.is(ageAt('1990-03-10', '2026-06-15'), 36);
  assert.is(ageAt('1999-07-01', '2026-06-15'), 26);
});

AgeAt('someone born on 29 February is a year older on 1 March in common years, never on 28 February', () => {
  assert.is(ageAt('2008-02-29', '2026-02-28'), 17);
  assert.is(ageAt('2008-02-29', '2026-03-01'), 18);
  assert.is(ageAt('2008-02-29', '2028-02-29'), 20);
});

AgeAt('is 0 on the day of birth', () => {
  assert.is(ageAt('2026-06-15', '2026-06-15'), 0);
});

AgeAt.run();
