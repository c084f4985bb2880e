-- one row per month (YYYY-MM) of the window in which artist_id has a fan active or new: the window's fans with a qualifying stream in the month's days of the window, and those whose first contact fell in them (twin of sql/duckdb/artist_trend.sql)
-- (the history is read from artist_listening and follows_source themselves: streams_daily and follows hold the window's
-- days, and the first contact looks before them, from the load's first day, {load_start}, to the window's end)
-- reads: artist_listening, fans, follows_source
with window_fans as (
    select user_id from fans
    where artist_id = {artist_id:Int64}
),

history as (
    -- every qualifying day of the window's fans with the artist, counted as streams_daily.sql counts them
    select user_id, day
    from artist_listening
    where
        artist_id = {artist_id:Int64}
        and day <= {window_end:Date32}
        and ({load_start:Nullable(Date32)} is null or day >= {load_start:Nullable(Date32)})
        and user_id in (select user_id from window_fans)
    group by user_id, day
    having if({has_ms_played:Bool}, sum(count_streams), sum(count_plays)) > 0
),

first_streams as (
    select user_id, min(day) as first_day from history
    group by user_id
),

first_follows as (
    -- the first day of the follow, as follows.sql of the DuckDB load dates it; null when a row of it has no date
    select
        user_id,
        countIf(followed_at is null) > 0 as undated,
        min(toDate32(followed_at)) as followed_on
    from follows_source
    where
        artist_id = {artist_id:Int64}
        and user_id in (select user_id from window_fans)
        and (followed_at is null or followed_at < toDateTime64(addDays({window_end:Date32}, 1), 3, 'UTC'))
    group by user_id
),

first_contacts as (
    -- firstContactOf (src/domain/trend.ts): a follow with no date: there before any window, never new
    select
        case
            when first_follows.undated then null
            when first_follows.followed_on is null then first_streams.first_day
            when first_streams.first_day is null then first_follows.followed_on
            else least(first_streams.first_day, first_follows.followed_on)
        end as first_day
    from window_fans
    left join first_streams on first_streams.user_id = window_fans.user_id
    left join first_follows on first_follows.user_id = window_fans.user_id
),

active as (
    select formatDateTime(day, '%Y-%m') as month, uniqExact(user_id) as active_fans
    from history
    where {window_start:Nullable(Date32)} is null or day >= {window_start:Nullable(Date32)}
    group by month
),

new as (
    select formatDateTime(first_day, '%Y-%m') as month, count() as new_fans
    from first_contacts
    where
        first_day is not null
        and ({window_start:Nullable(Date32)} is null or first_day >= {window_start:Nullable(Date32)})
    group by month
),

final as (
    select
        coalesce(active.month, new.month) as trend_month,
        toInt64(coalesce(active.active_fans, 0)) as active_fans,
        toInt64(coalesce(new.new_fans, 0)) as new_fans
    from active
    full outer join new on new.month = active.month
)

-- (named apart in final: an order by month would sort by active.month, null for a month with new fans only)
select trend_month as month, active_fans, new_fans from final
order by trend_month
