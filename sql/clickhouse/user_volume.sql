-- one row per user who streamed the artists asked about: the user's qualifying volume over every artist, the
-- share signal's denominator (in DuckDB a step of sql/fans.sql; here user_listening answers it by user)
with merged as (
    select
        user_id,
        day,
        maxMapMerge(plays) as plays
    from user_listening
    where
        user_id in (select user_id from streams_daily)
        and day <= {as_of:Date32}
        and ({window_start:Nullable(Date32)} is null or day >= {window_start:Nullable(Date32)})
    group by user_id, artist_id, day
),

qualifying as (
    select
        user_id,
        arrayFilter(ms -> not {has_ms_played:Bool} or ms >= {min_ms_played:Int64}, plays.2) as ms_played
    from merged
)

select
    user_id,
    toFloat64(sum(if({has_ms_played:Bool}, arraySum(ms_played), toInt64(length(ms_played))))) as total_volume
from qualifying
group by user_id
