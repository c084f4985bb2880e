-- keeps artist_listening up to date on every insert into streams_source: no batch prepare
create materialized view if not exists artist_listening_mv to artist_listening as
select
    artist_id,
    user_id,
    toDate32(streamed_at) as day,
    toInt64(count()) as count_plays,
    -- isQualifyingPlay (src/domain/qualifying-play.ts), with the schema's min_ms_played
    toInt64(countIf(ms_played >= (select min(min_ms_played) from fanbase_settings))) as count_streams,
    toInt64(coalesce(sumIf(ms_played, ms_played >= (select min(min_ms_played) from fanbase_settings)), 0)) as total_ms_played
from streams_source
group by artist_id, user_id, day
