-- one row per generated user: birth dates giving ~10% minors and ~3% unknown, a country mix, ~85% consent
with ids as (
    select range as user_id from range(1, $users + 1)
),

draws as (
    select
        user_id,
        uniform(user_id, $seed, 1) as u_age,
        uniform(user_id, $seed, 2) as u_day,
        uniform(user_id, $seed, 3) as u_known,
        uniform(user_id, $seed, 4) as u_country,
        uniform(user_id, $seed, 5) as u_consent
    from ids
),

final as (
    select
        user_id,
        case
            when u_known >= 0.03
                then $to::date - cast(floor((13 + 62 * pow(u_age, 1.1)) * 365.25 + u_day * 365) as integer)
        end as birth_date,
        case
            when u_country < 0.24 then 'FR'
            when u_country < 0.34 then 'US'
            when u_country < 0.44 then 'TN'
            when u_country < 0.52 then 'DE'
            when u_country < 0.60 then 'GB'
            when u_country < 0.67 then 'BR'
            when u_country < 0.73 then 'ES'
            when u_country < 0.78 then 'IT'
            when u_country < 0.82 then 'JP'
            when u_country < 0.86 then 'CA'
            when u_country < 0.89 then 'KR'
            when u_country < 0.92 then 'NE'
            when u_country < 0.95 then 'SN'
            when u_country < 0.97 then 'MA'
        end as country,
        case when u_consent < 0.85 then true when u_consent < 0.95 then false end as consent
    from draws
)

select * from final
