/**
 * Ages of majority that differ from the default of 18, by ISO country code. Sources: each country's civil
 * code as cited (summarised in the "Age of majority" article of the English Wikipedia, 2026). Where the
 * age differs between a country's states or provinces, the strictest one applies, so that no minor is ever
 * shown. Japan (18 since 2022-04-01) and Taiwan (18 since 2023-01-01) now use the default.
 */
export const AGES_OF_MAJORITY: Readonly<Record<string, number>> = {
  AE: 21, // Civil Transactions Law, art. 85: 21 lunar years (about 20.4 solar years), rounded up
  BH: 21, // Civil Code (Decree-Law 19/2001), art. 73
  CA: 19, // strictest provinces: British Columbia, Nova Scotia, New Brunswick, ... (Age of Majority Acts)
  CM: 21, // Civil Code, art. 388
  DZ: 19, // Civil Code, art. 40
  EG: 21, // Civil Code, art. 44
  KR: 19, // Civil Act, art. 4 (19 since 1 July 2013)
  KW: 21, // Civil Code (Law 67/1980), art. 96
  NZ: 20, // Age of Majority Act 1970, s. 4
  SG: 21, // common law age of majority (contracts from 18 under the Civil Law Act, s. 35)
  TH: 20, // Civil and Commercial Code, s. 19
  US: 21, // strictest state: Mississippi (Miss. Code Ann. § 1-3-27)
};

/** How the age of majority is decided for a user's country. */
export interface MajorityPolicy {
  /** Age for a known country missing from `byCountry`. */
  defaultAge: number;
  /** Age for a user whose country is unknown: the strictest age anywhere, by default. */
  unknownCountryAge: number;
  byCountry: Readonly<Record<string, number>>;
}

/** The default policy: the table above, 18 elsewhere, the strictest age when the country is unknown. */
export const DEFAULT_MAJORITY_POLICY: MajorityPolicy = {
  defaultAge: 18,
  unknownCountryAge: Math.max(18, ...Object.values(AGES_OF_MAJORITY)),
  byCountry: AGES_OF_MAJORITY,
};

/** The age of majority that applies to a user of `country` (null when unknown). */
export function ageOfMajority(
  country: string | null,
  policy: MajorityPolicy = DEFAULT_MAJORITY_POLICY,
): number {
  if (country === null) return policy.unknownCountryAge;
  return policy.byCountry[country] ?? policy.defaultAge;
}
