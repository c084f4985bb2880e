-- one row per (artist_id, user_id): who follows whom by the window's end, as_of unless a question names a window
-- (twin of sql/load/follows.sql; consent is checked once, where fans.sql joins users: each relation named here is
-- analysed again wherever it is used)
-- reads: follows_source
select distinct
    artist_id,
    user_id
from follows_source
where
    ({artist_id:Nullable(Int64)} is null or artist_id = {artist_id:Nullable(Int64)})
    and (followed_at is null or followed_at < toDateTime64(addDays({window_end:Date32}, 1), 3, 'UTC'))
