-- one row: the Fanbase summary of artist :artist_id as of :as_of, from the raw tables (fanbase's defaults: a fan
-- has a stream of 30 s or more, or follows; users without consent are out; ages and countries checked as fanbase does)
with fan_ids as (
    select user_id from streams
    where artist_id = :artist_id and streamed_at < cast(:as_of as date) + interval 1 day and ms_played >= 30000
    union
    select user_id from follows
    where artist_id = :artist_id and (followed_at is null or followed_at < cast(:as_of as date) + interval 1 day)
),

fans as (
    select
        countries.country,
        case
            when users.birth_date <= cast(:as_of as date)
                and users.birth_date > cast(:as_of as date) - interval 130 year
                then timestampdiff(year, users.birth_date, cast(:as_of as date))
        end as age
    from fan_ids
    inner join users on users.user_id = fan_ids.user_id and users.consent
    left join countries on countries.country = users.country
),

by_country as (
    select country, count(*) as fans
    from fans
    where country is not null
    group by country
    order by fans desc, country
    limit 3
),

ages as (
    select age, count(*) as fans
    from fans
    where age is not null
    group by age
),

cumulative as (
    -- fans aged up to each age (a hundred ages at most); MEDIAN() OVER () here fails as a prepared statement
    -- in a CTE ("Window function is not allowed in window specification")
    select later.age, sum(earlier.fans) as fans_up_to
    from ages as later
    inner join ages as earlier on earlier.age <= later.age
    group by later.age
),

total as (
    select sum(fans) as fans from ages
),

middle as (
    -- the two middle ages (the same one when the count is odd)
    select
        (
            select min(cumulative.age) from cumulative, total
            where cumulative.fans_up_to >= floor((total.fans + 1) / 2)
        ) as lower_age,
        (
            select min(cumulative.age) from cumulative, total
            where cumulative.fans_up_to >= floor(total.fans / 2) + 1
        ) as upper_age
)

select
    (select count(*) from fans) as total_fans,
    -- their mean, rounded half up
    (select floor((lower_age + upper_age + 1) / 2) from middle) as fans_median_age,
    (select group_concat(country order by fans desc, country) from by_country) as fans_top_countries
