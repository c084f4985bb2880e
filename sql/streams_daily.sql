-- one row per (artist_id, user_id, day): qualifying streams of consenting users inside the window
with source as (
    select * from streams_source
    where
        user_id is not null
        and artist_id is not null
        and streamed_at is not null
        and streamed_at < $as_of::date + 1
        and ($window_start::date is null or streamed_at >= $window_start::date)
),

eligible as (
    select user_id from users
    where is_consenting
),

deduplicated as (
    -- one user cannot start two plays of one artist at the same instant: such rows are one stream exported twice
    select
        user_id,
        artist_id,
        streamed_at,
        max(ms_played) as ms_played
    from source
    where user_id in (select user_id from eligible)
    group by user_id, artist_id, streamed_at
),

qualifying as (
    select * from deduplicated
    where not $has_ms_played or ms_played >= $min_ms_played
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
