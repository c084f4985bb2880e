-- keeps artist_listening up to date on every insert into streams_source: no batch prepare
create materialized view if not exists artist_listening_mv to artist_listening as
select
    artist_id,
    user_id,
    toDate(streamed_at) as day,
    maxMapState([streamed_at], [coalesce(ms_played, -1)]) as plays
from streams_source
group by artist_id, user_id, day
