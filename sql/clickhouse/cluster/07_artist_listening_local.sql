-- one shard's artist_listening: one row per (artist_id, user_id, day) once merged, how many plays and how many
-- qualifying (min_ms_played or more) with their ms_played, for the streams of this shard; same columns as the
-- single-node artist_listening
create table if not exists artist_listening_local on cluster fanbase (
    artist_id Int64,
    user_id Int64,
    day Date32,
    count_plays SimpleAggregateFunction(sum, Int64),
    count_streams SimpleAggregateFunction(sum, Int64),
    total_ms_played SimpleAggregateFunction(sum, Int64)
)
engine = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/fanbase/{database}/artist_listening_local', '{replica}')
order by (artist_id, user_id, day)
