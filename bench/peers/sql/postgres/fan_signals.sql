-- The materialized-view variant: one row per (artist_id, user_id) with qualifying streams as of {{as_of}}
-- (a view is not parametrized: the bench writes its date in, checked as YYYY-MM-DD), refreshed when data lands
create materialized view fan_signals as
with deduplicated as (
    select artist_id, user_id, streamed_at, max(ms_played) as ms_played
    from streams
    where streamed_at < date '{{as_of}}' + 1
    group by artist_id, user_id, streamed_at
    having max(ms_played) >= 30000
),

daily as (
    select artist_id, user_id, streamed_at::date as day, count(*) as streams, sum(ms_played) as ms
    from deduplicated
    group by artist_id, user_id, day
)

select
    artist_id,
    user_id,
    sum(least(streams, 20)) as streams,
    sum(least(ms, 7200000)) as listening_ms,
    sum(ms) as artist_ms,
    count(*) as active_days,
    max(day) as last_day
from daily
group by artist_id, user_id
