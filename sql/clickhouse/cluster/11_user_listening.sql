-- the user_listening the questions read: every shard's user_listening_local. A read by user_id asks every shard
-- (a primary-key lookup on each) and the initiator merges the states. The sharding key says where rows are, by
-- artist as their streams: never intHash64(user_id), which would let optimize_skip_unused_shards skip shards
-- holding the user's plays
create table if not exists user_listening on cluster fanbase (
    user_id Int64,
    artist_id Int64,
    day Date,
    plays AggregateFunction(maxMap, Array(DateTime64(3, 'UTC')), Array(Int64))
)
engine = Distributed(fanbase, currentDatabase(), user_listening_local, intHash64(artist_id))
