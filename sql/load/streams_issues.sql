-- one row per problem found in the streams export: its reason, an example naming the row by ids only, a sort key
-- reads: streams_deduplicated, streams_source, users
with source as (
    select * from streams_source
),

known_users as (
    select user_id from users
),

flagged as (
    -- one scan of the streams for every row-level problem (a row may have several)
    select
        source.user_id,
        source.ms_played,
        'user_id ' || coalesce(source.user_id::varchar, 'null') || ', artist_id '
        || coalesce(source.artist_id::varchar, 'null') as example,
        [
            case when source.user_id is null or source.artist_id is null then 'null_id' end,
            case
                when source.streamed_at is null and source.user_id is not null and source.artist_id is not null
                    then 'null_streamed_at'
            end,
            case
                when source.user_id is not null and source.artist_id is not null and known_users.user_id is null
                    then 'unknown_user'
            end,
            case when source.streamed_at >= $as_of::date + 1 then 'streamed_after_as_of' end,
            case when $has_ms_played and source.ms_played is null then 'null_ms_played' end,
            case when source.ms_played < 0 then 'negative_ms_played' end
        ] as reasons
    from source
    left join known_users on known_users.user_id = source.user_id
    where
        source.user_id is null
        or source.artist_id is null
        or source.streamed_at is null
        or known_users.user_id is null
        or source.streamed_at >= $as_of::date + 1
        or ($has_ms_played and source.ms_played is null)
        or source.ms_played < 0
),

row_problems as (
    select
        unnest(list_filter(reasons, r -> r is not null)) as reason,
        coalesce(user_id, 0) as sort_key,
        example,
        ms_played
    from flagged
),

problems as (
    select
        reason,
        sort_key,
        case when reason = 'negative_ms_played' then example || ': ms_played ' || ms_played else example end
            as example
    from row_problems
    union all
    select
        'duplicate_stream',
        user_id,
        'user_id ' || user_id || ', artist_id ' || artist_id || ': ' || copies || ' rows at one instant'
    from streams_deduplicated
    where copies > 1
)

select * from problems
