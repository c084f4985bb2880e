-- one row per (user_id, day): the user's qualifying volume over every artist, the share signal's denominator
-- (ms played when the streams carry ms_played, else streams; uncapped: the share is of all listening)
-- reads: streams_daily
select
    user_id,
    day,
    sum(case when $has_ms_played then total_ms_played else count_streams end)::bigint as volume
from streams_daily
group by user_id, day
order by user_id, day
