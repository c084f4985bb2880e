import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { isCountryCode } from '../../src/domain/countries.js';
import { AGES_OF_MAJORITY, ageOfMajority, DEFAULT_MAJORITY_POLICY } from '../../src/domain/majority.js';

const Majority = suite('ageOfMajority');

Majority('is 18 by default, the table elsewhere', () => {
  assert.is(ageOfMajority('FR'), 18);
  assert.is(ageOfMajority('JP'), 18); // 18 since 2022
  assert.is(ageOfMajority('KR'), 19);
  assert.is(ageOfMajority('NZ'), 20);
  assert.is(ageOfMajority('US'), 21); // strictest state
});

Majority('is the strictest age anywhere when the country is unknown', () => {
  assert.is(ageOfMajority(null), 21);
  assert.is(DEFAULT_MAJORITY_POLICY.unknownCountryAge, Math.max(...Object.values(AGES_OF_MAJORITY)));
});

Majority('follows a policy given by the caller', () => {
  const policy = { defaultAge: 16, unknownCountryAge: 30, byCountry: { FR: 17 } };
  assert.is(ageOfMajority('FR', policy), 17);
  assert.is(ageOfMajority('DE', policy), 16);
  assert.is(ageOfMajority(null, policy), 30);
});

Majority('table keys are ISO codes and ages are plausible', () => {
  for (const [code, age] of Object.entries(AGES_OF_MAJORITY)) {
    assert.ok(isCountryCode(code), code);
    assert.ok(age > 18 && age <= 21, `${code} ${age}`);
  }
});

Majority.run();
