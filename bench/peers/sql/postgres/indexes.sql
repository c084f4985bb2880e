-- Indexes for the two questions, built after the load: each per-artist read and each per-user total is an
-- index-only scan (covering indexes; VACUUM ANALYZE sets the visibility map after them).
create index streams_by_artist on streams (artist_id, user_id, streamed_at) include (ms_played);

create index streams_by_user on streams (user_id, artist_id, streamed_at) include (ms_played);

create index follows_by_artist on follows (artist_id, user_id) include (followed_at);
