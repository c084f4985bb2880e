-- one row per (artist_id, user_id): who follows whom among consenting users, as of as_of
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
    select distinct
        artist_id,
        user_id
    from source
    where
        (followed_at is null or followed_at < $as_of::date + 1)
        and user_id in (select user_id from eligible)
)

select * from final
