-- one row per (user_id, day) once merged: the user's plays of every artist, for the share signal's denominator
create table if not exists user_listening (
    user_id Int64,
    day Date32,
    plays SimpleAggregateFunction(sum, Int64),
    qualifying_plays SimpleAggregateFunction(sum, Int64),
    qualifying_ms SimpleAggregateFunction(sum, Int64)
)
engine = AggregatingMergeTree
order by (user_id, day)
