-- the streams table as the platform writes it: one row per play; the listening tables below follow it on insert
create table if not exists streams_source (
    user_id Int64,
    artist_id Int64,
    streamed_at DateTime64(3, 'UTC'),
    ms_played Nullable(Int64)
)
engine = MergeTree
partition by toYYYYMM(streamed_at)
order by (artist_id, user_id, streamed_at)
