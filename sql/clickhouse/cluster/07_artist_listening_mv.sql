-- keeps artist_listening_local up to date on every insert into this shard's streams_source_local (an insert into
-- the Distributed streams_source lands there too). Named as the single-node view, so fanbase prepare's
-- `create materialized view if not exists artist_listening_mv` finds it and creates nothing over the Distributed tables
create materialized view if not exists artist_listening_mv on cluster fanbase to artist_listening_local as
select
    artist_id,
    user_id,
    toDate(streamed_at) as day,
    maxMapState([streamed_at], [coalesce(ms_played, -1)]) as plays
from streams_source_local
group by artist_id, user_id, day
