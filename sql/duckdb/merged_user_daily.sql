-- one row per (user_id, day): the snapshot's days of users who still consent, inside the load's window, then the new parts' days
-- reads: previous_user_daily, user_daily, users
with kept as (
    select * from previous_user_daily
    where
        user_id in (select user_id from users where is_consenting)
        and ($window_start::date is null or day >= $window_start::date)
),

final as (
    select * from kept
    union all
    select * from user_daily
)

select * from final
order by user_id, day
