-- one row per artist_id with at least one fan (of one artist, $artist_id, or of all): its fans by engagement tier (engagementTierOf, src/domain/segments.ts)
-- reads: fans
select
    artist_id,
    count(*) filter (where streams >= $streams_half and active_days >= $active_days_half) as super_fans,
    count(*) filter (
        where not (streams >= $streams_half and active_days >= $active_days_half) and active_days <= 1
    ) as light_fans,
    count(*) as fans
from fans
where $artist_id::bigint is null or artist_id = $artist_id::bigint
group by artist_id
