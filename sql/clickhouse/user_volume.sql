-- one row per user_id who streamed the artist asked about (every user when none is): the user's qualifying volume
-- over every artist inside the window, the share signal's denominator (twin of sql/load/user_volume.sql; here
-- user_listening answers it by user)
-- reads: artist_listening, user_listening
select
    user_id,
    toFloat64(sum(if({has_ms_played:Bool}, total_ms_played, count_plays))) as total_volume
from user_listening
where
    (
        {artist_id:Nullable(Int64)} is null
        or user_id in (select user_id from artist_listening where artist_id = {artist_id:Nullable(Int64)})
    )
    and day <= {window_end:Date32}
    and ({window_start:Nullable(Date32)} is null or day >= {window_start:Nullable(Date32)})
group by user_id
