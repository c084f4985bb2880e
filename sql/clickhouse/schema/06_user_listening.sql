-- the same plays as artist_listening, ordered by user: a user's listening of every artist, for the share signal
create table if not exists user_listening (
    user_id Int64,
    artist_id Int64,
    day Date,
    plays AggregateFunction(maxMap, Array(DateTime64(3, 'UTC')), Array(Int64))
)
engine = AggregatingMergeTree
order by (user_id, artist_id, day)
