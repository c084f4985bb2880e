-- one row per (artist_id, user_id): who follows whom among consenting users, as of as_of, and since when
-- reads: follows_source, users
with source as (
    select * from follows_source
    where user_id is not null and artist_id is not null
),

eligible as (
    select user_id from users
    where is_consenting
),

final as (
    select
        artist_id,
        user_id,
        -- the first day of the follow; null when a row of it has no date: such a follow counts in every window
        case when count(followed_at) = count(*) then min(followed_at)::date end as followed_on
    from source
    where
        (followed_at is null or followed_at < $as_of::date + 1)
        and user_id in (select user_id from eligible)
    group by artist_id, user_id
)

select * from final
order by artist_id, user_id
