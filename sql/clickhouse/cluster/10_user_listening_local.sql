-- one shard's user_listening: one row per (user_id, day) once merged, the user's plays of this shard's artists.
-- A user's plays are spread over the shards of the artists they played; each shard holds the sums of its streams
create table if not exists user_listening_local on cluster fanbase (
    user_id Int64,
    day Date32,
    count_plays SimpleAggregateFunction(sum, Int64),
    count_streams SimpleAggregateFunction(sum, Int64),
    total_ms_played SimpleAggregateFunction(sum, Int64)
)
engine = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/fanbase/{database}/user_listening_local', '{replica}')
order by (user_id, day)
