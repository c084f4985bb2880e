-- one row per problem found in the users export: its reason, an example naming the row by ids only, a sort key
-- reads: countries, users_source
with source as (
    select * from users_source
),

duplicated as (
    select user_id, count(*) as count_rows
    from source
    where user_id is not null
    group by user_id
    having count(*) > 1
),

problems as (
    select 'null_user_id' as reason, 0 as sort_key, 'a row with user_id null' as example
    from source where user_id is null
    union all
    select 'duplicate_user_id', user_id, 'user_id ' || user_id || ' on ' || count_rows || ' rows'
    from duplicated
    union all
    select 'birth_date_in_future', user_id, 'user_id ' || user_id
    from source where birth_date > $as_of::date
    union all
    select 'birth_date_implausible', user_id, 'user_id ' || user_id
    from source where birth_date <= $as_of::date - interval 130 years
    union all
    select 'unknown_country', user_id, 'user_id ' || user_id || ': country "' || country || '"'
    from source where country is not null and country not in (select country from countries)
    union all
    select 'consent_missing', user_id, 'user_id ' || coalesce(user_id::varchar, 'null')
    from source where consent is null
)

select * from problems
