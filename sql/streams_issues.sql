-- one row per problem found in the streams export: its reason, an example naming the row by ids only, a sort key
with source as (
    select * from streams_source
),

known_users as (
    select user_id from users
),

duplicated as (
    select user_id, artist_id, streamed_at, count(*) as count_rows
    from source
    where user_id is not null and artist_id is not null and streamed_at is not null
    group by user_id, artist_id, streamed_at
    having count(*) > 1
),

described as (
    select
        *,
        'user_id ' || coalesce(user_id::varchar, 'null') || ', artist_id ' || coalesce(artist_id::varchar, 'null')
        as example
    from source
),

problems as (
    select 'null_id' as reason, 0 as sort_key, example
    from described where user_id is null or artist_id is null
    union all
    select 'null_streamed_at', user_id, example
    from described where streamed_at is null and user_id is not null and artist_id is not null
    union all
    select 'unknown_user', user_id, example
    from described where user_id is not null and artist_id is not null and user_id not in (select user_id from known_users)
    union all
    select 'streamed_after_as_of', user_id, example
    from described where streamed_at >= $as_of::date + 1
    union all
    select 'null_ms_played', user_id, example
    from described where $has_ms_played and ms_played is null
    union all
    select 'negative_ms_played', user_id, example || ': ms_played ' || ms_played
    from described where ms_played < 0
    union all
    select
        'duplicate_stream',
        user_id,
        'user_id ' || user_id || ', artist_id ' || artist_id || ': ' || count_rows || ' rows at one instant'
    from duplicated
)

select * from problems
