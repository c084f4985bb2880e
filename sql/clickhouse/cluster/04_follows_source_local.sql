-- one shard's follows: the rows of the artists whose intHash64(artist_id) falls on this shard, beside their streams
create table if not exists follows_source_local on cluster fanbase (
    user_id Int64,
    artist_id Int64,
    followed_at Nullable(DateTime64(3, 'UTC'))
)
engine = ReplicatedMergeTree('/clickhouse/tables/{shard}/fanbase/{database}/follows_source_local', '{replica}')
order by (artist_id, user_id)
