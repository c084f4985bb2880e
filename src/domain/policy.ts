import { ageOfMajority, DEFAULT_MAJORITY_POLICY, type MajorityPolicy } from './majority.js';

/** Eligible users consented to tracking; `null` (unknown) means no. Nobody else is counted anywhere. */
export function isEligible(consent: boolean | null): boolean {
  return consent === true;
}

/**
 * A user exported on several rows is eligible only if every row says they consented: a disagreement can
 * only hide a user, never show one.
 */
export function isEligibleAcross(consents: readonly (boolean | null)[]): boolean {
  return consents.length > 0 && consents.every(isEligible);
}

/** Adult: known age at or above the age of majority of the user's country. Unknown age is never adult. */
export function isAdult(
  age: number | null,
  country: string | null,
  policy: MajorityPolicy = DEFAULT_MAJORITY_POLICY,
): boolean {
  return age !== null && age >= ageOfMajority(country, policy);
}

/** What TopFans may show: consenting adults only. */
export function mayShowInTopFans(
  fan: { consent: boolean | null; age: number | null; country: string | null },
  policy: MajorityPolicy = DEFAULT_MAJORITY_POLICY,
): boolean {
  return isEligible(fan.consent) && isAdult(fan.age, fan.country, policy);
}
