-- one row per (user_id, day) once merged: the user's plays of every artist, for the share signal's denominator
create table if not exists user_listening (
    user_id Int64,
    day Date32,
    count_plays SimpleAggregateFunction(sum, Int64),
    count_streams SimpleAggregateFunction(sum, Int64),
    total_ms_played SimpleAggregateFunction(sum, Int64)
)
engine = AggregatingMergeTree
order by (user_id, day)
