-- one row per user_id with qualifying listening kept: the snapshot's volume less that of its days before a standard window
-- (the share signal's denominator over the window's days, as sql/load/user_volume.sql sums it, exactly; a user left
-- with no day in the window keeps a row of 0, which the share reads as it reads no row: no share)
-- reads: earlier_user_volume, user_volume
with final as (
    select
        user_volume.user_id,
        (user_volume.total_volume - coalesce(earlier.total_volume, 0))::bigint as total_volume
    from user_volume
    left join earlier_user_volume as earlier on earlier.user_id = user_volume.user_id
)

select * from final
