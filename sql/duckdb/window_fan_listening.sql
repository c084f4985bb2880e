-- one row per (artist_id, user_id) with a qualifying stream in a standard window: the snapshot's sums less those of its days before the window
-- (the window ends on as_of, as the snapshot's sums do; whole numbers, so exactly the sums of the window's own days;
-- a pair left with no day is not in the window; one left with a day has its last day inside it, the snapshot's)
-- reads: earlier_fan_listening, fan_listening
with final as (
    select
        fan_listening.artist_id,
        fan_listening.user_id,
        (fan_listening.count_streams - coalesce(earlier.count_streams, 0))::bigint as count_streams,
        (fan_listening.capped_streams - coalesce(earlier.capped_streams, 0))::bigint as capped_streams,
        (fan_listening.capped_ms - coalesce(earlier.capped_ms, 0))::bigint as capped_ms,
        (fan_listening.artist_volume - coalesce(earlier.artist_volume, 0))::bigint as artist_volume,
        (fan_listening.active_days - coalesce(earlier.active_days, 0))::integer as active_days,
        fan_listening.last_day
    from fan_listening
    left join earlier_fan_listening as earlier
        on earlier.artist_id = fan_listening.artist_id and earlier.user_id = fan_listening.user_id
)

select * from final
where active_days > 0
