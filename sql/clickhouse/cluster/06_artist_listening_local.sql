-- one shard's artist_listening: one row per (artist_id, user_id, day) once merged, that day's plays keyed by
-- start time (maxMap keeps one ms_played per start time, the largest; null is stored as -1), for the streams of
-- this shard; same columns as the single-node artist_listening
create table if not exists artist_listening_local on cluster fanbase (
    artist_id Int64,
    user_id Int64,
    day Date,
    plays AggregateFunction(maxMap, Array(DateTime64(3, 'UTC')), Array(Int64))
)
engine = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/fanbase/{database}/artist_listening_local', '{replica}')
order by (artist_id, user_id, day)
