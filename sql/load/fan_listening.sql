-- one row per (artist_id, user_id) with a qualifying stream in the window: the sums the score's listening signals are read from
-- (at load for every artist over the load's window, kept in the snapshot so that an incremental prepare adds its new
-- days' sums to it; for a question's window, of one artist or all, over the days from $window_start to $window_end)
-- the rules below are defined in src/domain and held to it by test/domain/definitions.twins.test.ts
-- reads: streams_daily
with daily as (
    select
        *,
        case when $has_ms_played then total_ms_played else count_streams end as volume
    from streams_daily
    where
        ($artist_id::bigint is null or artist_id = $artist_id::bigint)
        -- isInWindow (src/domain/qualifying-play.ts), for the question's window
        and day <= $window_end::date
        and ($window_start::date is null or day >= $window_start::date)
),

final as (
    -- fanSignals (src/domain/fan-signals.ts): each day capped before the sum
    -- (sums of whole numbers: a new day's sums added to them give the sums over every day, exactly)
    select
        artist_id,
        user_id,
        sum(count_streams)::bigint as count_streams,
        sum(least(count_streams, $daily_cap_streams))::bigint as capped_streams,
        sum(least(total_ms_played, $daily_cap_ms))::bigint as capped_ms,
        sum(volume)::bigint as artist_volume,
        count(*)::integer as active_days,
        max(day) as last_day
    from daily
    group by artist_id, user_id
)

select * from final
