-- one row per (artist_id, user_id, day): qualifying streams inside the window (twin of sql/streams_daily.sql;
-- the plays come deduplicated from artist_listening; consent is checked once, where fans.sql joins users)
with merged as (
    select
        artist_id,
        user_id,
        day,
        maxMapMerge(plays) as plays
    from artist_listening
    where
        ({artist_id:Nullable(Int64)} is null or artist_id = {artist_id:Nullable(Int64)})
        and day <= {as_of:Date32}
        and ({window_start:Nullable(Date32)} is null or day >= {window_start:Nullable(Date32)})
    group by artist_id, user_id, day
),

qualifying as (
    select
        artist_id,
        user_id,
        day,
        arrayFilter(ms -> not {has_ms_played:Bool} or ms >= {min_ms_played:Int64}, plays.2) as ms_played
    from merged
),

final as (
    select
        artist_id,
        user_id,
        day,
        toInt64(length(ms_played)) as count_streams,
        if({has_ms_played:Bool}, toInt64(arraySum(ms_played)), null) as total_ms_played
    from qualifying
    where length(ms_played) > 0
)

select * from final
