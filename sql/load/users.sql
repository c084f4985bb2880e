-- one row per user_id: the users export cleaned by the data report's policies, with age and adulthood at as_of
-- the rules below are defined in src/domain and held to it by test/domain/definitions.twins.test.ts
-- reads: countries, majority, users_source
with source as (
    select * from users_source
    where user_id is not null
),

merged as (
    -- rows sharing a user_id must agree: a field they disagree on becomes unknown, and consent becomes no
    select
        user_id,
        -- isEligibleAcross (src/domain/policy.ts): every row must consent
        bool_and(coalesce(consent, false)) as is_consenting,
        case
            when count(birth_date) = count(*) and min(birth_date) = max(birth_date) then min(birth_date)
        end as birth_date,
        case
            when count(country) = count(*) and min(country) = max(country) then min(country)
        end as country
    from source
    group by user_id
),

checked as (
    select
        user_id,
        is_consenting,
        -- isPlausibleBirthDate (src/domain/age.ts): not after as_of, less than 130 years before it
        case
            when birth_date <= $as_of::date and birth_date > $as_of::date - interval 130 years then birth_date
        end as birth_date,
        case when country in (select country from countries) then country end as country
    from merged
),

aged as (
    select
        *,
        -- ageAt (src/domain/age.ts): a 29 February birthday counts on 1 March in common years
        year($as_of::date) - year(birth_date) - case
            when month($as_of::date) * 100 + day($as_of::date) < month(birth_date) * 100 + day(birth_date) then 1
            else 0
        end as age
    from checked
),

final as (
    select
        aged.user_id,
        aged.is_consenting,
        aged.birth_date,
        aged.country,
        aged.age::integer as age,
        -- isAdult and ageOfMajority (src/domain/policy.ts, majority.ts)
        coalesce(
            aged.age >= coalesce(
                majority.age,
                case when aged.country is null then $unknown_country_majority else $default_majority end
            ),
            false
        ) as is_adult
    from aged
    left join majority on majority.country = aged.country
)

select * from final
