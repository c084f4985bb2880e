-- up to $3 rows, the adult fans of artist $1 as of $2 with the best scores, computed from the raw tables by
-- fanbase's score with its defaults (sql/load/fans.sql, src/domain/score.ts): each row user_id, country, score
with artist_streams as (
    -- the artist's qualifying streams, one per instant (a row exported twice counts once, its longest play)
    select user_id, streamed_at, max(ms_played) as ms_played
    from streams
    where artist_id = $1 and streamed_at < $2::date + 1
    group by user_id, streamed_at
    having max(ms_played) >= 30000
),

artist_days as (
    select user_id, streamed_at::date as day, count(*) as streams, sum(ms_played) as ms
    from artist_streams
    group by user_id, day
),

listening as (
    -- daily caps: 20 streams and 2 hours a day count at most
    select
        user_id,
        sum(least(streams, 20)) as streams,
        sum(least(ms, 7200000)) as listening_ms,
        sum(ms) as artist_ms,
        count(*) as active_days,
        max(day) as last_day
    from artist_days
    group by user_id
),

followers as (
    select distinct user_id from follows
    where artist_id = $1 and (followed_at is null or followed_at < $2::date + 1)
),

candidates as (
    select
        coalesce(listening.user_id, followers.user_id) as user_id,
        coalesce(listening.streams, 0) as streams,
        coalesce(listening.listening_ms, 0) as listening_ms,
        coalesce(listening.artist_ms, 0) as artist_ms,
        coalesce(listening.active_days, 0) as active_days,
        listening.last_day,
        followers.user_id is not null as follows
    from listening
    full outer join followers on followers.user_id = listening.user_id
),

adults as (
    select candidates.*, countries.country
    from candidates
    inner join users on users.user_id = candidates.user_id and users.consent
    left join countries on countries.country = users.country
    left join majority on majority.country = countries.country
    where
        users.birth_date <= $2::date
        and users.birth_date > $2::date - interval '130 years'
        and extract(year from age($2::date, users.birth_date))
        >= coalesce(majority.age, case when countries.country is null then 21 else 18 end)
),

user_totals as (
    -- the share's denominator: every qualifying millisecond each adult fan played, all artists
    select user_id, sum(ms_played) as total_ms
    from (
        select streams.user_id, max(streams.ms_played) as ms_played
        from streams
        inner join adults on adults.user_id = streams.user_id
        where streams.streamed_at < $2::date + 1
        group by streams.user_id, streams.artist_id, streams.streamed_at
        having max(streams.ms_played) >= 30000
    ) as deduplicated
    group by user_id
),

scored as (
    select
        adults.user_id,
        adults.country,
        (
            0.25 * (adults.listening_ms::float8 / 3600000) / (adults.listening_ms::float8 / 3600000 + 5)
            + 0.15 * adults.streams::float8 / (adults.streams + 25)
            + 0.20 * adults.active_days::float8 / (adults.active_days + 8)
            + 0.15 * case
                when adults.last_day is null then 0
                else power(0.5::float8, ($2::date - adults.last_day)::float8 / 30)
            end
            + 0.15 * least(1, greatest(0, coalesce(adults.artist_ms::float8 / user_totals.total_ms, 0)))
            + 0.10 * case when adults.follows then 1 else 0 end
        ) as score
    from adults
    left join user_totals on user_totals.user_id = adults.user_id
)

select user_id, country, score from scored
order by score desc, user_id
limit $3
