-- the follows table as the platform writes it: one row per follow
create table if not exists follows_source (
    user_id Int64,
    artist_id Int64,
    followed_at Nullable(DateTime64(3, 'UTC'))
)
engine = MergeTree
order by (artist_id, user_id)
