-- one row per (artist_id, user_id, day) once merged: how many plays, and how many of min_ms_played or more
-- (qualifying) with their ms_played; sums of numbers, so merges and the views stay as cheap as the inserts
create table if not exists artist_listening (
    artist_id Int64,
    user_id Int64,
    day Date32,
    count_plays SimpleAggregateFunction(sum, Int64),
    count_streams SimpleAggregateFunction(sum, Int64),
    total_ms_played SimpleAggregateFunction(sum, Int64)
)
engine = AggregatingMergeTree
order by (artist_id, user_id, day)
