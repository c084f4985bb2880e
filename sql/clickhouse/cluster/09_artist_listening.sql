-- the artist_listening the questions read: every shard's artist_listening_local. Its sharding key is where the
-- rows are (they follow the streams: intHash64(artist_id)), so with optimize_skip_unused_shards=1 a read with
-- artist_id = X asks one shard; sums from several shards add up exactly
create table if not exists artist_listening on cluster fanbase (
    artist_id Int64,
    user_id Int64,
    day Date32,
    count_plays SimpleAggregateFunction(sum, Int64),
    count_streams SimpleAggregateFunction(sum, Int64),
    total_ms_played SimpleAggregateFunction(sum, Int64)
)
engine = Distributed(fanbase, currentDatabase(), artist_listening_local, intHash64(artist_id))
