-- one row per follows export row with both ids, as ClickHouse's follows_source stores it
-- reads: follows_source
select
    user_id,
    artist_id,
    followed_at
from follows_source
where user_id is not null and artist_id is not null
