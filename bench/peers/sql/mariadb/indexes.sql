-- Indexes for the two questions, built after the load (sorted builds): each per-artist read and each per-user
-- total reads a covering secondary index only
alter table streams add index streams_by_artist (artist_id, user_id, streamed_at, ms_played);

alter table streams add index streams_by_user (user_id, artist_id, streamed_at, ms_played);

alter table follows add index follows_by_artist (artist_id, user_id, followed_at);
