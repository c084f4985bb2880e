-- one row per (artist_id, month) of a standard window the snapshot keeps (YYYY-MM) in which the artist has a fan active or new: the window's fans with a qualifying stream in the month's days of the window, and those whose first contact fell in them (artistTrend, src/domain/trend.ts)
-- (counted at prepare for every artist, over the window's fans as kept in window_fans; the first contact is the fan's first qualifying stream of the artist or follow over
-- every day the snapshot keeps up to the window's end, not the window's days alone)
-- reads: follows, streams_daily, window_fans
with window_fans as (
    select artist_id, user_id from window_fans
    where window_name = $window_name and ($artist_id::bigint is null or artist_id = $artist_id::bigint)
),

history as (
    -- every qualifying day of the window's fans with the artist, from the first day kept to the window's end
    select streams_daily.artist_id, streams_daily.user_id, streams_daily.day
    from streams_daily
    semi join window_fans
        on window_fans.artist_id = streams_daily.artist_id and window_fans.user_id = streams_daily.user_id
    where
        ($artist_id::bigint is null or streams_daily.artist_id = $artist_id::bigint)
        and streams_daily.day <= $window_end::date
),

first_streams as (
    select artist_id, user_id, min(day) as first_day from history
    group by artist_id, user_id
),

first_contacts as (
    -- firstContactOf (src/domain/trend.ts): a follow with no date counts in every window, so its fan was
    -- there before any window began: never new
    select
        window_fans.artist_id,
        case
            when follows.user_id is not null and follows.followed_on is null then null
            else least(first_streams.first_day, follows.followed_on)
        end as first_day
    from window_fans
    left join first_streams
        on first_streams.artist_id = window_fans.artist_id and first_streams.user_id = window_fans.user_id
    left join follows on follows.artist_id = window_fans.artist_id and follows.user_id = window_fans.user_id
),

active as (
    -- by the month's first day: a date, formatted once per month in final, not per daily row
    select artist_id, date_trunc('month', day) as month, count(distinct user_id) as active_fans
    from history
    where $window_start::date is null or day >= $window_start::date
    group by artist_id, month
),

new as (
    select artist_id, date_trunc('month', first_day) as month, count(*) as new_fans
    from first_contacts
    where first_day is not null and ($window_start::date is null or first_day >= $window_start::date)
    group by artist_id, month
),

final as (
    select
        coalesce(active.artist_id, new.artist_id) as artist_id,
        strftime(coalesce(active.month, new.month), '%Y-%m') as month,
        coalesce(active.active_fans, 0)::bigint as active_fans,
        coalesce(new.new_fans, 0)::bigint as new_fans
    from active
    full outer join new on new.artist_id = active.artist_id and new.month = active.month
)

select * from final
order by artist_id, month
