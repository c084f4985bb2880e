-- one shard's streams: the rows of the artists whose intHash64(artist_id) falls on this shard (same columns,
-- order and partitions as the single-node streams_source); the listening materialized views fire on inserts here
create table if not exists streams_source_local on cluster fanbase (
    user_id Int64,
    artist_id Int64,
    streamed_at DateTime64(3, 'UTC'),
    ms_played Nullable(Int64)
)
engine = ReplicatedMergeTree('/clickhouse/tables/{shard}/fanbase/{database}/streams_source_local', '{replica}')
partition by toYYYYMM(streamed_at)
order by (artist_id, user_id, streamed_at)
