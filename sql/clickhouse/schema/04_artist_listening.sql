-- one row per (artist_id, user_id, day) once merged: that day's plays keyed by start time, so a play
-- inserted twice counts once (maxMap keeps one ms_played per start time, the largest; null is stored as -1)
create table if not exists artist_listening (
    artist_id Int64,
    user_id Int64,
    day Date,
    plays AggregateFunction(maxMap, Array(DateTime64(3, 'UTC')), Array(Int64))
)
engine = AggregatingMergeTree
order by (artist_id, user_id, day)
