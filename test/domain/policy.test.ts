import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { isAdult, isEligible, isEligibleAcross, mayShowInTopFans } from '../../src/domain/policy.js';

const Policy = suite('policy');

Policy('only an explicit true consent is eligible', () => {
  assert.is(isEligible(true), true);
  assert.is(isEligible(false), false);
  assert.is(isEligible(null), false);
});

Policy('a user on several rows is eligible only when every row consents', () => {
  assert.ok(isEligibleAcross([true]));
  assert.ok(isEligibleAcross([true, true]));
  assert.not.ok(isEligibleAcross([true, false]));
  assert.not.ok(isEligibleAcross([true, null]));
  assert.not.ok(isEligibleAcross([]));
});

Policy('adult means a known age at or above the country majority', () => {
  assert.is(isAdult(18, 'FR'), true);
  assert.is(isAdult(17, 'FR'), false);
  assert.is(isAdult(18, 'KR'), false);
  assert.is(isAdult(19, 'KR'), true);
  assert.is(isAdult(20, null), false); // unknown country: strictest age, 21
  assert.is(isAdult(21, null), true);
  assert.is(isAdult(null, 'FR'), false);
});

Policy('TopFans shows consenting adults only', () => {
  assert.is(mayShowInTopFans({ consent: true, age: 30, country: 'FR' }), true);
  assert.is(mayShowInTopFans({ consent: false, age: 30, country: 'FR' }), false);
  assert.is(mayShowInTopFans({ consent: null, age: 30, country: 'FR' }), false);
  assert.is(mayShowInTopFans({ consent: true, age: 17, country: 'FR' }), false);
  assert.is(mayShowInTopFans({ consent: true, age: null, country: 'FR' }), false);
});

Policy.run();
