-- one row per problem found in the follows export: its reason, an example naming the row by ids only, a sort key
-- reads: follows_source, users
with source as (
    select * from follows_source
),

known_users as (
    select user_id from users
),

duplicated as (
    select user_id, artist_id, count(*) as count_rows
    from source
    where user_id is not null and artist_id is not null
    group by user_id, artist_id
    having count(*) > 1
),

described as (
    select
        *,
        'user_id ' || coalesce(user_id::varchar, 'null') || ' follows artist_id ' || coalesce(artist_id::varchar, 'null')
        as example
    from source
),

problems as (
    select 'null_id' as reason, 0 as sort_key, example
    from described where user_id is null or artist_id is null
    union all
    select 'unknown_user', user_id, example
    from described where user_id is not null and artist_id is not null and user_id not in (select user_id from known_users)
    union all
    select 'followed_after_as_of', user_id, example
    from described where followed_at >= $as_of::date + 1
    union all
    select 'duplicate_follow', user_id, 'user_id ' || user_id || ' follows artist_id ' || artist_id || ' on ' || count_rows || ' rows'
    from duplicated
)

select * from problems
