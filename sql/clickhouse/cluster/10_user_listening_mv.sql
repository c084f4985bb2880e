-- keeps user_listening_local up to date on every insert into this shard's streams_source_local (named as the
-- single-node view, see 07_artist_listening_mv.sql)
create materialized view if not exists user_listening_mv on cluster fanbase to user_listening_local as
select
    user_id,
    artist_id,
    toDate(streamed_at) as day,
    maxMapState([streamed_at], [coalesce(ms_played, -1)]) as plays
from streams_source_local
group by user_id, artist_id, day
