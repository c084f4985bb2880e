-- The view's indexes: per artist for its fans, per user for the share's denominator, both covering
create unique index fan_signals_by_artist on fan_signals (artist_id, user_id)
include (streams, listening_ms, artist_ms, active_days, last_day);

create index fan_signals_by_user on fan_signals (user_id) include (artist_ms);
