import type { Settings } from './settings.js';

/** A parameter's value, as both engines bind it. */
export type SettingValue = string | number | boolean | null;

/**
 * The settings as the SQL of both engines names them (`$as_of` in sql/, `{as_of:Date32}` in
 * sql/clickhouse/): one list, so that the two dialects read the same settings under the same names.
 * `hasMsPlayed` says whether the streams carry `ms_played` (else every stream qualifies).
 */
export function settingsParameters(settings: Settings, hasMsPlayed: boolean): Record<string, SettingValue> {
  const { weights } = settings.score;
  return {
    as_of: settings.asOf,
    window_start: settings.windowStart,
    // a question's window (src/domain/time-window.ts) binds its own start and end over these
    window_end: settings.asOf,
    min_ms_played: settings.fan.minMsPlayed,
    min_streams: settings.fan.minStreams,
    follows_make_fans: settings.fan.followsMakeFans,
    has_ms_played: hasMsPlayed,
    daily_cap_ms: settings.score.dailyCapMs,
    daily_cap_streams: settings.score.dailyCapStreams,
    listening_half_hours: settings.score.listeningHalfHours,
    streams_half: settings.score.streamsHalf,
    active_days_half: settings.score.activeDaysHalf,
    half_life_days: settings.score.halfLifeDays,
    w_listening: weights.listening,
    w_streams: weights.streams,
    w_regularity: weights.regularity,
    w_recency: weights.recency,
    w_share: weights.share,
    w_follow: weights.follow,
    default_majority: settings.majority.defaultAge,
    unknown_country_majority: settings.majority.unknownCountryAge,
  };
}
