import { type CalendarDate, daysBefore, parseCalendarDate, todayUtc } from './calendar-date.js';
import { isCountryCode } from './countries.js';
import { invalidOptions } from './errors.js';
import { DEFAULT_MAJORITY_POLICY, type MajorityPolicy } from './majority.js';
import { DEFAULT_SCORE_CONFIG, type ScoreConfig, type ScoreWeights, validateScoreConfig } from './score.js';

/** Who counts as a fan of an artist. */
export interface FanDefinition {
  /** A stream qualifies from this many milliseconds played (30 s, the industry's count for a stream). */
  minMsPlayed: number;
  /** Qualifying streams of the artist needed to be a fan. */
  minStreams: number;
  /** Whether following the artist makes a fan without any stream. */
  followsMakeFans: boolean;
  /** Only streams on or after this date count (a window start); null for all history. */
  since: CalendarDate | null;
  /** Only streams of the last N days up to `as_of` count; null for all history. Exclusive with `since`. */
  windowDays: number | null;
}

/** Everything the results depend on besides the data, resolved and checked. */
export interface Settings {
  /** The date results are computed for. */
  asOf: CalendarDate;
  /** First day whose streams count, from `since` or `windowDays`; null for all history. */
  windowStart: CalendarDate | null;
  fan: FanDefinition;
  score: ScoreConfig;
  majority: MajorityPolicy;
}

/** Settings as a caller gives them: everything optional, defaults documented in docs/library.md. */
export interface SettingsOptions {
  /** `YYYY-MM-DD`; default today in UTC. */
  asOf?: string;
  fan?: Partial<FanDefinition>;
  score?: Partial<Omit<ScoreConfig, 'weights'>> & { weights?: Partial<ScoreWeights> };
  majority?: Partial<MajorityPolicy>;
}

export const DEFAULT_FAN_DEFINITION: FanDefinition = {
  minMsPlayed: 30_000,
  minStreams: 1,
  followsMakeFans: true,
  since: null,
  windowDays: null,
};

/** Fills in defaults and checks every setting, naming the one that is wrong. */
export function resolveSettings(options: SettingsOptions = {}, now: Date = new Date()): Settings {
  const asOf = parseCalendarDate(options.asOf ?? todayUtc(now), 'asOf');
  const fan = { ...DEFAULT_FAN_DEFINITION, ...options.fan };
  if (!Number.isSafeInteger(fan.minMsPlayed) || fan.minMsPlayed < 0) {
    invalid('fan.minMsPlayed', `must be a whole number of milliseconds >= 0, got ${fan.minMsPlayed}`);
  }
  if (!Number.isSafeInteger(fan.minStreams) || fan.minStreams < 1) {
    invalid('fan.minStreams', `must be a whole number >= 1, got ${fan.minStreams}`);
  }
  if (fan.since !== null && fan.windowDays !== null) {
    invalid('fan.since', 'and fan.windowDays both set a window: give one of them');
  }
  if (fan.windowDays !== null && (!Number.isSafeInteger(fan.windowDays) || fan.windowDays < 1)) {
    invalid('fan.windowDays', `must be a whole number of days >= 1, got ${fan.windowDays}`);
  }
  const since = fan.since === null ? null : parseCalendarDate(fan.since, 'fan.since');
  if (since !== null && since > asOf) invalid('fan.since', `(${since}) is after asOf (${asOf})`);
  const windowStart = since ?? (fan.windowDays === null ? null : daysBefore(asOf, fan.windowDays - 1));

  const score = validateScoreConfig({
    ...DEFAULT_SCORE_CONFIG,
    ...options.score,
    weights: { ...DEFAULT_SCORE_CONFIG.weights, ...options.score?.weights },
  });
  // A caller's table adds to the built-in one (set a country to the default age to undo an entry), and the
  // age for an unknown country stays the strictest of the result unless given.
  const byCountry = { ...DEFAULT_MAJORITY_POLICY.byCountry, ...options.majority?.byCountry };
  for (const code of Object.keys(byCountry)) {
    if (!isCountryCode(code))
      invalid(`majority.byCountry.${code}`, 'is not an ISO 3166-1 alpha-2 code (upper case)');
  }
  const defaultAge = options.majority?.defaultAge ?? DEFAULT_MAJORITY_POLICY.defaultAge;
  const unknownCountryAge =
    options.majority?.unknownCountryAge ??
    Math.max(defaultAge, ...Object.values(byCountry).filter(Number.isFinite));
  const majority: MajorityPolicy = { defaultAge, unknownCountryAge, byCountry };
  for (const [country, age] of Object.entries({
    default: defaultAge,
    unknown: unknownCountryAge,
    ...byCountry,
  })) {
    if (!Number.isInteger(age) || age < 0 || age > 150) {
      invalid(`majority.${country}`, `must be an age in whole years, got ${age}`);
    }
  }
  return { asOf, windowStart, fan: { ...fan, since }, score, majority };
}

function invalid(field: string, problem: string): never {
  throw invalidOptions(`${field} ${problem}`, { field });
}
