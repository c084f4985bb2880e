-- keeps user_listening up to date on every insert into streams_source
create materialized view if not exists user_listening_mv to user_listening as
select
    user_id,
    artist_id,
    toDate(streamed_at) as day,
    maxMapState([streamed_at], [coalesce(ms_played, -1)]) as plays
from streams_source
group by user_id, artist_id, day
