-- one row per artist_id with at least one fan: how many fans, and how many by age and by country
-- reads: fan_scores
with fans as (
    select artist_id, age, country from fan_scores
),

totals as (
    select
        artist_id,
        count(*)::integer as total_fans
    from fans
    group by artist_id
),

by_age as (
    select
        artist_id,
        list({'value': age, 'count': count_fans} order by age) as age_counts
    from (
        select artist_id, age, count(*)::integer as count_fans
        from fans
        where age is not null
        group by artist_id, age
    )
    group by artist_id
),

by_country as (
    select
        artist_id,
        list({'country': country, 'count': count_fans} order by country) as country_counts
    from (
        select artist_id, country, count(*)::integer as count_fans
        from fans
        where country is not null
        group by artist_id, country
    )
    group by artist_id
),

final as (
    select
        totals.artist_id,
        totals.total_fans,
        by_age.age_counts,
        by_country.country_counts
    from totals
    left join by_age on by_age.artist_id = totals.artist_id
    left join by_country on by_country.artist_id = totals.artist_id
)

select * from final
order by artist_id
