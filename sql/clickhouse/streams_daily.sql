-- one row per (artist_id, user_id, day) with a qualifying stream inside the window (twin of sql/load/streams_daily.sql;
-- artist_listening counted the plays as they were inserted; consent is checked once, where fans.sql joins users)
-- the rules below are defined in src/domain and held to it by test/domain/definitions.twins.test.ts
-- reads: artist_listening
with daily as (
    select
        artist_id,
        user_id,
        day,
        sum(count_plays) as count_plays,
        sum(count_streams) as count_streams,
        sum(total_ms_played) as total_ms_played
    from artist_listening
    where
        ({artist_id:Nullable(Int64)} is null or artist_id = {artist_id:Nullable(Int64)})
        -- isInWindow (src/domain/qualifying-play.ts): nothing after the window's end (as_of
        -- but for a question's window), nothing before its start
        and day <= {window_end:Date32}
        and ({window_start:Nullable(Date32)} is null or day >= {window_start:Nullable(Date32)})
    group by artist_id, user_id, day
),

final as (
    -- without ms_played in the data, every stream qualifies (as in DuckDB's streams_daily)
    select
        artist_id,
        user_id,
        day,
        if({has_ms_played:Bool}, count_streams, count_plays) as count_streams,
        if({has_ms_played:Bool}, total_ms_played, null) as total_ms_played
    from daily
)

select * from final
where count_streams > 0
