-- one row per (user_id, artist_id, streamed_at): every stream with ids and a time, rows exported twice collapsed
-- reads: streams_source
select
    user_id,
    artist_id,
    streamed_at,
    -- one user cannot start two plays of one artist at the same instant: such rows are one stream exported twice
    max(ms_played) as ms_played,
    count(*)::integer as copies
from streams_source
where user_id is not null and artist_id is not null and streamed_at is not null
group by user_id, artist_id, streamed_at
