-- one row: the Fanbase summary of artist $1 as of $2 (the date fan_signals was built for), from the view;
-- a fan has a row in fan_signals or follows; consent, ages and countries checked as in summary.sql
with fan_ids as (
    select user_id from fan_signals
    where artist_id = $1
    union
    select user_id from follows
    where artist_id = $1 and (followed_at is null or followed_at < $2::date + 1)
),

fans as (
    select
        countries.country,
        case
            when users.birth_date <= $2::date and users.birth_date > $2::date - interval '130 years'
                then extract(year from age($2::date, users.birth_date))::integer
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
)

select
    (select count(*) from fans)::integer as total_fans,
    -- the mean of the two middle ages, rounded half up
    (select floor(percentile_cont(0.5) within group (order by age) + 0.5) from fans)::integer as fans_median_age,
    (select coalesce(array_agg(country order by fans desc, country), '{}') from by_country) as fans_top_countries
