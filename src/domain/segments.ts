import type { ScoreConfig } from './score.js';

/**
 * Engagement tiers of an artist's fans, from two of the score's signals measured against the score's own
 * half points (the counts at which the streams and regularity components reach 0.5):
 * - `super`: at least `streamsHalf` qualifying streams (25) on at least `activeDaysHalf` days (8): both
 *   components past halfway, a fan who comes back as well as plays a lot;
 * - `light`: one active day at most (a single visit, or a follow without a qualifying stream);
 * - `moderate`: every other fan.
 * Each fan is in exactly one tier; the tiers of an artist sum to its fans.
 */
export const ENGAGEMENT_TIERS = ['super', 'moderate', 'light'] as const;
export type EngagementTier = (typeof ENGAGEMENT_TIERS)[number];

/** The tier of a fan with these signals (over the window asked). */
export function engagementTierOf(
  signals: { streams: number; active_days: number },
  config: Pick<ScoreConfig, 'streamsHalf' | 'activeDaysHalf'>,
): EngagementTier {
  if (signals.streams >= config.streamsHalf && signals.active_days >= config.activeDaysHalf) return 'super';
  return signals.active_days <= 1 ? 'light' : 'moderate';
}

/** An artist's fans by engagement tier, as a repository counts them. */
export interface TierCounts {
  super: number;
  moderate: number;
  light: number;
}
