-- one row per user_id who streamed the artist asked about (every user when none is): the user's qualifying volume over every artist inside the window, the share signal's denominator
-- (twin of sql/clickhouse/user_volume.sql; kept in the snapshot, like fan_listening, for the incremental prepare)
-- reads: fan_listening, user_daily
select
    user_id,
    sum(volume)::bigint as total_volume
from user_daily
where
    day <= $window_end::date
    and ($window_start::date is null or day >= $window_start::date)
    and ($artist_id::bigint is null or user_id in (select user_id from fan_listening))
group by user_id
