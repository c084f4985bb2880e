-- one row per (artist_id, user_id, day): qualifying streams of consenting users inside the window
-- the rules below are defined in src/domain and held to it by test/domain/definitions.twins.test.ts
-- reads: streams_deduplicated, users
with streams as (
    select * from streams_deduplicated
    -- isInWindow (src/domain/qualifying-play.ts): nothing after as_of, nothing before the window
    where
        streamed_at < $as_of::date + 1
        and ($window_start::date is null or streamed_at >= $window_start::date)
),

eligible as (
    select user_id from users
    where is_consenting
),

qualifying as (
    select * from streams
    where
        user_id in (select user_id from eligible)
        -- isQualifyingPlay (src/domain/qualifying-play.ts)
        and (not $has_ms_played or ms_played >= $min_ms_played)
),

final as (
    select
        artist_id,
        user_id,
        streamed_at::date as day,
        count(*)::integer as count_streams,
        sum(ms_played)::bigint as total_ms_played
    from qualifying
    group by artist_id, user_id, day
)

select * from final
-- by artist: a question's window reads one artist's row groups
order by artist_id, user_id, day
