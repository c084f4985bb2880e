-- one row per streams export row with both ids and a time, as ClickHouse's streams_source stores it
-- (rows without them count in the data report and in no answer, as streams_deduplicated.sql leaves them out)
select
    user_id,
    artist_id,
    streamed_at,
    ms_played
from streams_source
where user_id is not null and artist_id is not null and streamed_at is not null
