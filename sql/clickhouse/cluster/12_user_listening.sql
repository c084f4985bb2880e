-- the user_listening the questions read: every shard's user_listening_local. A user's rows sit on several shards,
-- so a read by user_id asks all of them (a primary-key lookup on each) and adds their sums. The sharding key says
-- where rows are (they follow the streams: intHash64(artist_id) is not a column here, so no key: never skip a shard)
create table if not exists user_listening on cluster fanbase (
    user_id Int64,
    day Date32,
    count_plays SimpleAggregateFunction(sum, Int64),
    count_streams SimpleAggregateFunction(sum, Int64),
    total_ms_played SimpleAggregateFunction(sum, Int64)
)
engine = Distributed(fanbase, currentDatabase(), user_listening_local)
