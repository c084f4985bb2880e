-- the follows table the questions and the platform use: every shard's follows_source_local, split by the same
-- key as the streams, so an artist's follows and listening sit in the same shard
create table if not exists follows_source on cluster fanbase (
    user_id Int64,
    artist_id Int64,
    followed_at Nullable(DateTime64(3, 'UTC'))
)
engine = Distributed(fanbase, currentDatabase(), follows_source_local, intHash64(artist_id))
