-- one row per artist_id with at least one fan: its fans by engagement tier (engagementTierOf, src/domain/segments.ts; twin of sql/duckdb/artist_segments.sql)
-- reads: fans
select
    artist_id,
    countIf(streams >= {streams_half:Float64} and active_days >= {active_days_half:Float64}) as super_fans,
    countIf(
        not (streams >= {streams_half:Float64} and active_days >= {active_days_half:Float64}) and active_days <= 1
    ) as light_fans,
    count() as fans
from fans
where artist_id = {artist_id:Int64}
group by artist_id
