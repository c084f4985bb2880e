-- one row per (artist_id, user_id) fan: the score's signals, the score, and who may be shown (fans.sql ranks them)
-- (at load for every artist over the load's window; for a question's window, src/domain/time-window.ts, of
-- one artist or all, over the days of the window: fan_listening and user_volume hold their sums)
-- the rules below are defined in src/domain and held to it by test/domain/definitions.twins.test.ts
-- reads: fan_listening, follows, user_volume, users
with listening as (
    select * from fan_listening
    where $artist_id::bigint is null or artist_id = $artist_id::bigint
),

windowed_follows as (
    -- a follow made by the window's end; one with no date counts in every window
    select artist_id, user_id from follows
    where
        ($artist_id::bigint is null or artist_id = $artist_id::bigint)
        and (followed_on is null or followed_on <= $window_end::date)
),

candidates as (
    select
        coalesce(listening.artist_id, follows.artist_id) as artist_id,
        coalesce(listening.user_id, follows.user_id) as user_id,
        coalesce(listening.count_streams, 0) as count_streams,
        listening.capped_streams,
        listening.capped_ms,
        listening.artist_volume,
        listening.active_days,
        listening.last_day,
        follows.user_id is not null as is_following
    from listening
    full outer join windowed_follows as follows
        on listening.artist_id = follows.artist_id and listening.user_id = follows.user_id
),

signals as (
    select
        candidates.artist_id,
        candidates.user_id,
        case when $has_ms_played then coalesce(candidates.capped_ms, 0) end::double as listening_ms,
        coalesce(candidates.capped_streams, 0)::integer as streams,
        coalesce(candidates.active_days, 0)::integer as active_days,
        ($window_end::date - candidates.last_day)::integer as days_since_last_stream,
        -- a user whose qualifying plays all lasted 0 ms (fan.minMsPlayed 0) has no volume: no share, not 0/0
        coalesce(
            case when user_volume.total_volume > 0 then candidates.artist_volume / user_volume.total_volume end, 0
        )::double as share,
        candidates.is_following as follows
    from candidates
    left join user_volume on user_volume.user_id = candidates.user_id
    -- isFan (src/domain/fan-signals.ts)
    where candidates.count_streams >= $min_streams or (candidates.is_following and $follows_make_fans)
),

components as (
    -- mirrors scoreComponents() in src/domain/score.ts; a test holds the two to the same numbers
    select
        *,
        case
            when listening_ms is null then null
            when listening_ms <= 0 then 0
            else (listening_ms / 3600000) / ((listening_ms / 3600000) + $listening_half_hours)
        end as c_listening,
        case when streams <= 0 then 0 else streams / (streams + $streams_half) end as c_streams,
        case when active_days <= 0 then 0 else active_days / (active_days + $active_days_half) end as c_regularity,
        case
            when days_since_last_stream is null then 0
            else pow(0.5, days_since_last_stream / $half_life_days)
        end as c_recency,
        least(1, greatest(0, share)) as c_share,
        case when follows then 1 else 0 end as c_follow
    from signals
),

scored as (
    -- mirrors score(): the weighted mean of the components the data can tell
    select
        *,
        (
            coalesce($w_listening * c_listening, 0)
            + $w_streams * c_streams
            + $w_regularity * c_regularity
            + $w_recency * c_recency
            + $w_share * c_share
            + $w_follow * c_follow
        ) / (
            case when c_listening is null then 0 else $w_listening end
            + $w_streams + $w_regularity + $w_recency + $w_share + $w_follow
        ) as score
    from components
),

final as (
    select
        scored.artist_id,
        scored.user_id,
        users.country,
        users.age,
        users.is_adult,
        scored.score::double as score,
        scored.listening_ms,
        scored.streams,
        scored.active_days,
        scored.days_since_last_stream,
        scored.share,
        scored.follows
    from scored
    inner join users on users.user_id = scored.user_id
)

select * from final
