-- one row per user_id with qualifying listening in the window: the snapshot's volume of users who still consent, plus the new days' volume
-- (the share signal's denominator, as sql/load/user_volume.sql sums it over every day; whole numbers, so exactly a full prepare's)
-- reads: previous_user_volume, user_volume, withdrawn_users
with kept as (
    select * from previous_user_volume
    where user_id not in (select user_id from withdrawn_users)
),

final as (
    select
        coalesce(kept.user_id, new.user_id) as user_id,
        (coalesce(kept.total_volume, 0) + coalesce(new.total_volume, 0))::bigint as total_volume
    from kept
    full outer join user_volume as new on kept.user_id = new.user_id
)

select * from final
