-- one row per user_id: users_source cleaned by the data report's policies, with age and adulthood at as_of
-- (twin of sql/generate/users.sql; with an artist_id, only the users who streamed or follow that artist)
-- the rules below are defined in src/domain and held to it by test/domain/definitions.twins.test.ts
-- reads: artist_listening, follows_source, users_source
with source as (
    -- countries as the exports' check makes them (trimmed, upper case), for rows the platform inserted itself
    select
        user_id,
        birth_date,
        nullif(upper(trim(country)), '') as country,
        consent
    from users_source
    where
        {artist_id:Nullable(Int64)} is null
        or user_id in (
            select user_id from artist_listening where artist_id = {artist_id:Nullable(Int64)}
            union all
            select user_id from follows_source where artist_id = {artist_id:Nullable(Int64)}
        )
),

merged as (
    -- rows sharing a user_id must agree: a field they disagree on becomes unknown, and consent becomes no
    select
        user_id,
        -- isEligibleAcross (src/domain/policy.ts): every row must consent
        min(coalesce(consent, false)) as is_consenting,
        if(count(birth_date) = count() and min(birth_date) = max(birth_date), min(birth_date), null) as birth_date,
        if(count(country) = count() and min(country) = max(country), min(country), null) as country
    from source
    group by user_id
),

checked as (
    select
        user_id,
        is_consenting,
        -- isPlausibleBirthDate (src/domain/age.ts); Date32 stores a date before 1900 as 1900-01-01: that day means "before 1900", implausible too
        if(
            birth_date <= {as_of:Date32}
            and birth_date > subtractYears({as_of:Date32}, 130)
            and birth_date > toDate32('1900-01-01'),
            birth_date,
            null
        ) as birth_date,
        if(has({countries:Array(String)}, country), country, null) as country
    from merged
),

aged as (
    select
        *,
        -- ageAt (src/domain/age.ts): a 29 February birthday counts on 1 March in common years
        toYear({as_of:Date32}) - toYear(birth_date) - if(
            toMonth({as_of:Date32}) * 100 + toDayOfMonth({as_of:Date32}) < toMonth(birth_date) * 100 + toDayOfMonth(birth_date),
            1,
            0
        ) as age
    from checked
),

final as (
    select
        user_id,
        is_consenting,
        birth_date,
        country,
        toInt32(age) as age,
        coalesce(
            age >= if(
                mapContains({majority:Map(String, Int32)}, country),
                {majority:Map(String, Int32)}[country],
                if(country is null, {unknown_country_majority:Int32}, {default_majority:Int32})
            ),
            false
        ) as is_adult
    from aged
)

select * from final
