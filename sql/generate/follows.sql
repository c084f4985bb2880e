-- one row per generated follow: about a third of users follow their first favourite artist
with ids as (
    select range as user_id from range(1, $users + 1)
),

final as (
    select
        user_id,
        least(
            cast(floor(exp((uniform(user_id, $seed, 20)) * ln($artists + 1))) as bigint),
            $artists
        ) as artist_id,
        $from::timestamp
            + to_days(cast(floor(uniform(user_id, $seed, 30) * $days) as integer)) as followed_at
    from ids
    where uniform(user_id, $seed, 31) < 0.33
)

select * from final
