import { invalidOptions } from './errors.js';

/** What one fan did for one artist, within the window, as the score reads it. */
export interface FanSignals {
  /** Qualifying listening time, each day capped at `dailyCapMs`; null when the data has no `ms_played`. */
  listening_ms: number | null;
  /** Qualifying streams, each day capped at `dailyCapStreams`. */
  streams: number;
  /** Distinct UTC days with at least one qualifying stream. */
  active_days: number;
  /** Days from the last qualifying stream to `as_of`; null when the fan only follows. */
  days_since_last_stream: number | null;
  /** The artist's part of everything the user listened to (time, or streams without `ms_played`), 0..1. */
  share: number;
  /** The user follows the artist. */
  follows: boolean;
}

/** Each component in [0, 1]; `listening` is null when the data cannot tell listening time. */
export interface ScoreComponents {
  listening: number | null;
  streams: number;
  regularity: number;
  recency: number;
  share: number;
  follow: number;
}

export type ScoreWeights = Record<keyof ScoreComponents, number>;

/** The score's tunable constants. */
export interface ScoreConfig {
  weights: ScoreWeights;
  /** Days after which the recency component halves. */
  halfLifeDays: number;
  /** Capped listening hours at which the listening component reaches 0.5. */
  listeningHalfHours: number;
  /** Capped streams at which the streams component reaches 0.5. */
  streamsHalf: number;
  /** Active days at which the regularity component reaches 0.5. */
  activeDaysHalf: number;
  /** Listening counted per user, artist and day at most: one binge day cannot make a die-hard fan. */
  dailyCapMs: number;
  /** Streams counted per user, artist and day at most. */
  dailyCapStreams: number;
}

export const DEFAULT_SCORE_CONFIG: ScoreConfig = {
  weights: { listening: 0.25, streams: 0.15, regularity: 0.2, recency: 0.15, share: 0.15, follow: 0.1 },
  halfLifeDays: 30,
  listeningHalfHours: 5,
  streamsHalf: 25,
  activeDaysHalf: 8,
  dailyCapMs: 2 * 3_600_000,
  dailyCapStreams: 20,
};

const HOUR_MS = 3_600_000;

/** `x / (x + half)`: 0 at 0, 0.5 at `half`, approaching 1; never decreasing. */
function saturate(x: number, half: number): number {
  return x <= 0 ? 0 : x / (x + half);
}

/** The six components of a fan's score, each in [0, 1]. */
export function scoreComponents(s: FanSignals, config: ScoreConfig = DEFAULT_SCORE_CONFIG): ScoreComponents {
  return {
    listening: s.listening_ms === null ? null : saturate(s.listening_ms / HOUR_MS, config.listeningHalfHours),
    streams: saturate(s.streams, config.streamsHalf),
    regularity: saturate(s.active_days, config.activeDaysHalf),
    recency: s.days_since_last_stream === null ? 0 : 0.5 ** (s.days_since_last_stream / config.halfLifeDays),
    share: Math.min(1, Math.max(0, s.share)),
    follow: s.follows ? 1 : 0,
  };
}

/**
 * The fan score in [0, 1]: the weighted mean of the components. A component the data cannot tell
 * (listening without `ms_played`) is left out and the other weights share its part.
 */
export function score(s: FanSignals, config: ScoreConfig = DEFAULT_SCORE_CONFIG): number {
  const c = scoreComponents(s, config);
  let weighted = 0;
  let weights = 0;
  for (const key of Object.keys(c) as (keyof ScoreComponents)[]) {
    const value = c[key];
    if (value === null) continue;
    weighted += config.weights[key] * value;
    weights += config.weights[key];
  }
  return weights === 0 ? 0 : weighted / weights;
}

/** Checks a score configuration and returns it, or says which setting is wrong. */
export function validateScoreConfig(config: ScoreConfig): ScoreConfig {
  for (const [key, w] of Object.entries(config.weights)) {
    if (!Number.isFinite(w) || w < 0) invalid(`score.weights.${key} must be a number >= 0, got ${w}`);
  }
  const others = Object.entries(config.weights).filter(([key]) => key !== 'listening');
  if (others.every(([, w]) => w === 0)) {
    invalid('score.weights: at least one weight other than listening must be above 0');
  }
  for (const key of [
    'halfLifeDays',
    'listeningHalfHours',
    'streamsHalf',
    'activeDaysHalf',
    'dailyCapMs',
    'dailyCapStreams',
  ] as const) {
    const v = config[key];
    if (!Number.isFinite(v) || v <= 0) invalid(`score.${key} must be a number > 0, got ${v}`);
  }
  return config;
}

function invalid(message: string): never {
  throw invalidOptions(message, { field: message.split(' ')[0] });
}
