-- the streams table the questions and the platform use: every shard's streams_source_local. An insert here is
-- split by intHash64(artist_id), so one artist's plays (and hence its listening rows) all sit in one shard
create table if not exists streams_source on cluster fanbase (
    user_id Int64,
    artist_id Int64,
    streamed_at DateTime64(3, 'UTC'),
    ms_played Nullable(Int64)
)
engine = Distributed(fanbase, currentDatabase(), streams_source_local, intHash64(artist_id))
