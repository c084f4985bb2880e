-- one row per stream with both ids and a time, rows exported twice collapsed (streams_deduplicated.sql), as
-- ClickHouse's streams_source stores it: its listening tables count every row they are given
-- reads: streams_deduplicated
select
    user_id,
    artist_id,
    streamed_at,
    ms_played
from streams_deduplicated
