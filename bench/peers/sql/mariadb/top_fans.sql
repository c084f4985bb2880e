-- up to :nb_fans rows, the adult fans of artist :artist_id as of :as_of with the best scores, computed from the raw
-- tables by fanbase's score with its defaults (sql/load/fans.sql, src/domain/score.ts): user_id, country, score
with artist_streams as (
    -- the artist's qualifying streams, one per instant (a row exported twice counts once, its longest play)
    select user_id, streamed_at, max(ms_played) as ms_played
    from streams
    where artist_id = :artist_id and streamed_at < cast(:as_of as date) + interval 1 day
    group by user_id, streamed_at
    having max(ms_played) >= 30000
),

artist_days as (
    select user_id, date(streamed_at) as day, count(*) as streams, sum(ms_played) as ms
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
    where artist_id = :artist_id and (followed_at is null or followed_at < cast(:as_of as date) + interval 1 day)
),

candidates as (
    -- no full outer join in MariaDB: every listener or follower, then both sides
    select
        ids.user_id,
        coalesce(listening.streams, 0) as streams,
        coalesce(listening.listening_ms, 0) as listening_ms,
        coalesce(listening.artist_ms, 0) as artist_ms,
        coalesce(listening.active_days, 0) as active_days,
        listening.last_day,
        followers.user_id is not null as follows
    from (select user_id from listening union select user_id from followers) as ids
    left join listening on listening.user_id = ids.user_id
    left join followers on followers.user_id = ids.user_id
),

adults as (
    select candidates.*, countries.country
    from candidates
    inner join users on users.user_id = candidates.user_id and users.consent
    left join countries on countries.country = users.country
    left join majority on majority.country = countries.country
    where
        users.birth_date <= cast(:as_of as date)
        and users.birth_date > cast(:as_of as date) - interval 130 year
        and timestampdiff(year, users.birth_date, cast(:as_of as date))
        >= coalesce(majority.age, case when countries.country is null then 21 else 18 end)
),

user_totals as (
    -- the share's denominator: every qualifying millisecond each adult fan played, all artists
    select user_id, sum(ms_played) as total_ms
    from (
        select streams.user_id, max(streams.ms_played) as ms_played
        from streams
        inner join adults on adults.user_id = streams.user_id
        where streams.streamed_at < cast(:as_of as date) + interval 1 day
        group by streams.user_id, streams.artist_id, streams.streamed_at
        having max(streams.ms_played) >= 30000
    ) as deduplicated
    group by user_id
),

scored as (
    -- in DOUBLE throughout: MariaDB divides integers into DECIMALs of four more digits
    select
        adults.user_id,
        adults.country,
        (
            0.25e0 * (cast(adults.listening_ms as double) / 3600000) / (cast(adults.listening_ms as double) / 3600000 + 5)
            + 0.15e0 * cast(adults.streams as double) / (adults.streams + 25)
            + 0.20e0 * cast(adults.active_days as double) / (adults.active_days + 8)
            + 0.15e0 * case
                when adults.last_day is null then 0
                else pow(0.5e0, cast(datediff(cast(:as_of as date), adults.last_day) as double) / 30)
            end
            + 0.15e0 * least(1, greatest(0, coalesce(cast(adults.artist_ms as double) / user_totals.total_ms, 0)))
            + 0.10e0 * case when adults.follows then 1 else 0 end
        ) as score
    from adults
    left join user_totals on user_totals.user_id = adults.user_id
)

select user_id, country, score from scored
order by score desc, user_id
limit :nb_fans
