-- one row per (artist_id, user_id) with a qualifying stream in the window: the snapshot's sums of users who still consent, plus the new days' sums
-- (the new days are later than every day the snapshot holds, the incremental prepare checks it first: counts and sums
-- add up, the last day is the later one; all whole numbers, so the sums are those of a full prepare, exactly)
-- reads: fan_listening, previous_fan_listening, withdrawn_users
with kept as (
    select * from previous_fan_listening
    where user_id not in (select user_id from withdrawn_users)
),

final as (
    select
        coalesce(kept.artist_id, new.artist_id) as artist_id,
        coalesce(kept.user_id, new.user_id) as user_id,
        (coalesce(kept.count_streams, 0) + coalesce(new.count_streams, 0))::bigint as count_streams,
        (coalesce(kept.capped_streams, 0) + coalesce(new.capped_streams, 0))::bigint as capped_streams,
        -- null when the streams carry no ms_played (the new parts have the snapshot's columns)
        case
            when kept.capped_ms is null and new.capped_ms is null then null
            else coalesce(kept.capped_ms, 0) + coalesce(new.capped_ms, 0)
        end::bigint as capped_ms,
        (coalesce(kept.artist_volume, 0) + coalesce(new.artist_volume, 0))::bigint as artist_volume,
        (coalesce(kept.active_days, 0) + coalesce(new.active_days, 0))::integer as active_days,
        greatest(kept.last_day, new.last_day) as last_day
    from kept
    full outer join fan_listening as new
        on kept.artist_id = new.artist_id and kept.user_id = new.user_id
)

select * from final
