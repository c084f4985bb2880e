import { type CalendarDate, daysBetween } from './calendar-date.js';
import type { FanSignals, ScoreConfig } from './score.js';
import type { FanDefinition } from './settings.js';

/** One (user, artist, UTC day) of qualifying plays in the window: how many, and how long in all. */
export interface PlayDay {
  day: CalendarDate;
  streams: number;
  msPlayed: number;
}

/**
 * What a day weighs in the artist's share of a user's listening: its listening time, or its streams where
 * the data has no `ms_played`. Uncapped: the share compares what the user did, artist by artist.
 */
export function dayVolume(day: PlayDay, hasMsPlayed: boolean): number {
  return hasMsPlayed ? day.msPlayed : day.streams;
}

/**
 * A fan's signals for an artist from its qualifying days with the artist, the user's volume over every
 * artist (`dayVolume` summed over all the user's qualifying days), and the follow. Listening and streams are
 * capped per day (`dailyCapMs`, `dailyCapStreams`) before they are summed: one binge day cannot make a
 * die-hard fan.
 */
export function fanSignals(
  days: readonly PlayDay[],
  userVolume: number,
  follows: boolean,
  context: { asOf: CalendarDate; hasMsPlayed: boolean; score: ScoreConfig },
): FanSignals {
  const { asOf, hasMsPlayed, score } = context;
  let listening = 0;
  let streams = 0;
  let volume = 0;
  let last: CalendarDate | null = null;
  for (const day of days) {
    listening += Math.min(day.msPlayed, score.dailyCapMs);
    streams += Math.min(day.streams, score.dailyCapStreams);
    volume += dayVolume(day, hasMsPlayed);
    if (last === null || day.day > last) last = day.day;
  }
  return {
    listening_ms: hasMsPlayed ? listening : null,
    streams,
    active_days: days.length,
    days_since_last_stream: last === null ? null : daysBetween(last, asOf),
    // a user whose qualifying plays all lasted 0 ms has no volume: no share (not 0/0)
    share: userVolume > 0 ? volume / userVolume : 0,
    follows,
  };
}

/**
 * A fan of an artist: at least `minStreams` qualifying streams of it in the window (uncapped), or a follow
 * when follows make fans. Only eligible users are considered at all.
 */
export function isFan(qualifyingStreams: number, follows: boolean, fan: FanDefinition): boolean {
  return qualifyingStreams >= fan.minStreams || (follows && fan.followsMakeFans);
}
