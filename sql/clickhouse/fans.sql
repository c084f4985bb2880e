-- one row per (artist_id, user_id) fan: the score's signals, the score, who may be shown and in which place
-- (twin of sql/load/fan_scores.sql and fans.sql, step for step but two: the users' volume is its own relation, user_volume.sql,
-- which user_listening answers by user; and consent is checked once, in final where users are joined, not in
-- streams_daily and follows: ClickHouse plans a common table expression again wherever it is used)
-- the rules below are defined in src/domain and held to it by test/domain/definitions.twins.test.ts
-- reads: follows, streams_daily, user_volume, users
with daily as (
    select
        *,
        if({has_ms_played:Bool}, total_ms_played, count_streams) as volume
    from streams_daily
),

listening as (
    select
        artist_id,
        user_id,
        sum(count_streams) as count_streams,
        -- fanSignals (src/domain/fan-signals.ts): each day capped before the sum
        sum(least(count_streams, {daily_cap_streams:Int64})) as capped_streams,
        sum(least(total_ms_played, {daily_cap_ms:Int64})) as capped_ms,
        sum(volume) as artist_volume,
        count() as active_days,
        max(day) as last_day
    from daily
    group by artist_id, user_id
),

candidates as (
    select
        coalesce(listening.artist_id, follows.artist_id) as artist_id,
        coalesce(listening.user_id, follows.user_id) as user_id,
        listening.count_streams as count_streams,
        listening.capped_streams as capped_streams,
        listening.capped_ms as capped_ms,
        listening.artist_volume as artist_volume,
        listening.active_days as active_days,
        listening.last_day as last_day,
        follows.user_id is not null as is_following
    from listening
    full outer join follows
        on listening.artist_id = follows.artist_id and listening.user_id = follows.user_id
    settings join_use_nulls = 1
),

signals as (
    select
        candidates.artist_id as artist_id,
        candidates.user_id as user_id,
        if({has_ms_played:Bool}, toFloat64(coalesce(candidates.capped_ms, 0)), null) as listening_ms,
        toInt32(coalesce(candidates.capped_streams, 0)) as streams,
        toInt32(coalesce(candidates.active_days, 0)) as active_days,
        toInt32(dateDiff('day', candidates.last_day, {window_end:Date32})) as days_since_last_stream,
        -- a user whose qualifying plays all lasted 0 ms (fan.minMsPlayed 0) has no volume: no share, not 0/0
        coalesce(
            if(user_volume.total_volume > 0, candidates.artist_volume / user_volume.total_volume, null), 0
        ) as share,
        candidates.is_following as follows
    from candidates
    left join user_volume on user_volume.user_id = candidates.user_id
    where
        coalesce(candidates.count_streams, 0) >= {min_streams:Int64}
        or (candidates.is_following and {follows_make_fans:Bool})
    settings join_use_nulls = 1
),

components as (
    -- mirrors scoreComponents() in src/domain/score.ts; a test holds the two to the same numbers
    select
        *,
        multiIf(
            listening_ms is null, null,
            listening_ms <= 0, 0,
            (listening_ms / 3600000) / ((listening_ms / 3600000) + {listening_half_hours:Float64})
        ) as c_listening,
        if(streams <= 0, 0, streams / (streams + {streams_half:Float64})) as c_streams,
        if(active_days <= 0, 0, active_days / (active_days + {active_days_half:Float64})) as c_regularity,
        if(days_since_last_stream is null, 0, pow(0.5, days_since_last_stream / {half_life_days:Float64})) as c_recency,
        least(1, greatest(0, share)) as c_share,
        if(follows, 1, 0) as c_follow
    from signals
),

scored as (
    -- mirrors score(): the weighted mean of the components the data can tell
    select
        *,
        (
            coalesce({w_listening:Float64} * c_listening, 0)
            + {w_streams:Float64} * c_streams
            + {w_regularity:Float64} * c_regularity
            + {w_recency:Float64} * c_recency
            + {w_share:Float64} * c_share
            + {w_follow:Float64} * c_follow
        ) / (
            if(c_listening is null, 0, {w_listening:Float64})
            + {w_streams:Float64} + {w_regularity:Float64} + {w_recency:Float64} + {w_share:Float64} + {w_follow:Float64}
        ) as score
    from components
),

final as (
    select
        scored.artist_id as artist_id,
        scored.user_id as user_id,
        users.country as country,
        users.age as age,
        users.is_adult as is_adult,
        toFloat64(scored.score) as score,
        -- the fan's place among the artist's adult fans
        if(
            users.is_adult,
            toInt32(row_number() over (partition by scored.artist_id, users.is_adult order by scored.score desc, scored.user_id)),
            null
        ) as adult_rank,
        scored.listening_ms as listening_ms,
        scored.streams as streams,
        scored.active_days as active_days,
        scored.days_since_last_stream as days_since_last_stream,
        scored.share as share,
        scored.follows as follows
    from scored
    inner join users on users.user_id = scored.user_id
    where users.is_consenting
)

select * from final
