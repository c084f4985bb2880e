-- one shard's user_listening: the same plays as artist_listening_local, ordered by user, for the share signal.
-- A user's rows are spread over the shards of the artists they played; each shard holds the states of its streams
create table if not exists user_listening_local on cluster fanbase (
    user_id Int64,
    artist_id Int64,
    day Date,
    plays AggregateFunction(maxMap, Array(DateTime64(3, 'UTC')), Array(Int64))
)
engine = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/fanbase/{database}/user_listening_local', '{replica}')
order by (user_id, artist_id, day)
