-- keeps user_listening_local up to date on every insert into this shard's streams_source_local
create materialized view if not exists user_listening_mv on cluster fanbase to user_listening_local as
select
    user_id,
    toDate32(streamed_at) as day,
    toInt64(count()) as count_plays,
    -- isQualifyingPlay (src/domain/qualifying-play.ts), with the schema's min_ms_played
    toInt64(countIf(ms_played >= (select min(min_ms_played) from fanbase_settings))) as count_streams,
    toInt64(coalesce(sumIf(ms_played, ms_played >= (select min(min_ms_played) from fanbase_settings)), 0)) as total_ms_played
from streams_source_local
group by user_id, day
