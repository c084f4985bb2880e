-- one row per artist_id with at least one fan: how many fans, and how many by age and by country
-- (twin of sql/load/artist_profiles.sql; the counts come as [value, count] pairs, values ascending)
-- reads: fans
with counted as (
    select
        artist_id,
        toInt32(count()) as total_fans,
        sumMapIf([assumeNotNull(age)], [toInt32(1)], age is not null) as by_age,
        sumMapIf([assumeNotNull(country)], [toInt32(1)], country is not null) as by_country
    from fans
    group by artist_id
)

select
    artist_id,
    total_fans,
    arrayZip(by_age.1, by_age.2) as age_counts,
    arrayZip(by_country.1, by_country.2) as country_counts
from counted
