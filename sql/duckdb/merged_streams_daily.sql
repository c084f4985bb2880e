-- one row per (artist_id, user_id, day): the snapshot's days of users who still consent, inside the load's window, then the new parts' days
-- (the new parts hold later days only: the incremental prepare checks it first)
-- reads: previous_streams_daily, streams_daily, users
with kept as (
    select * from previous_streams_daily
    where
        user_id in (select user_id from users where is_consenting)
        and ($window_start::date is null or day >= $window_start::date)
),

final as (
    select * from kept
    union all
    select * from streams_daily
)

select * from final
order by artist_id, user_id, day
