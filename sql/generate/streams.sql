-- one row per generated stream, one per row of stream_ids: heavy-tailed users, Zipf-like artists, favourites
-- reads: stream_ids
with ids as (
    select stream_id from stream_ids
),

draws as (
    select
        stream_id,
        uniform(stream_id, $seed, 11) as u_user,
        uniform(stream_id, $seed, 12) as u_pick,
        uniform(stream_id, $seed, 13) as u_artist,
        uniform(stream_id, $seed, 14) as u_day,
        uniform(stream_id, $seed, 15) as u_second,
        uniform(stream_id, $seed, 16) as u_skip,
        uniform(stream_id, $seed, 17) as u_played
    from ids
),

users as (
    -- user activity is heavy-tailed: a few users stream a lot; the multiplier scatters heavy users over ids
    select
        *,
        (cast(floor($users * pow(u_user, 2)) as bigint) * 1000003 % $users) + 1 as user_id
    from draws
),

artists as (
    -- 85% of plays go to one of the user's five favourites; every artist choice is log-uniform (Zipf, s = 1)
    select
        *,
        case
            when u_pick < 0.85
                then uniform(user_id, $seed, 20 + cast(floor(u_pick / 0.17) as integer))
            else u_artist
        end as u_rank
    from users
),

final as (
    select
        user_id,
        least(cast(floor(exp(u_rank * ln($artists + 1))) as bigint), $artists) as artist_id,
        $from::timestamp
            + to_days(cast(floor(pow(u_day, 0.8) * $days) as integer))
            + to_seconds(cast(floor(u_second * 86400) as bigint)) as streamed_at,
        case
            when u_skip < 0.25 then 3000 + cast(floor(u_played * 26000) as integer)
            else 60000 + cast(floor(u_played * 240000) as integer)
        end as ms_played
    from artists
)

select * from final
