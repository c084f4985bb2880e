import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ageAt, isPlausibleBirthDate } from '../../src/domain/age.js';

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

const Plausible = suite('isPlausibleBirthDate');

Plausible('on or before as_of, and less than 130 years before it', () => {
  assert.ok(isPlausibleBirthDate('2026-06-15', '2026-06-15')); // born today
  assert.not.ok(isPlausibleBirthDate('2026-06-16', '2026-06-15')); // in the future
  assert.ok(isPlausibleBirthDate('1896-06-16', '2026-06-15')); // 129 years and 364 days
  assert.not.ok(isPlausibleBirthDate('1896-06-15', '2026-06-15')); // exactly 130 years
  assert.not.ok(isPlausibleBirthDate('1800-01-01', '2026-06-15'));
});

Plausible('130 years before 29 February of a leap year is 28 February of a common year', () => {
  // 2028-02-29 minus 130 years: 1898 has no 29 February, so the limit is 1898-02-28
  assert.not.ok(isPlausibleBirthDate('1898-02-28', '2028-02-29'));
  assert.ok(isPlausibleBirthDate('1898-03-01', '2028-02-29'));
  // 2000 is a leap year (divisible by 400): 2130-02-29 minus 130 years keeps its 29th
  assert.not.ok(isPlausibleBirthDate('2000-02-29', '2130-02-29'));
  assert.ok(isPlausibleBirthDate('2000-03-01', '2130-02-29'));
});

Plausible.run();
