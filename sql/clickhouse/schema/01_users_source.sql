-- the users table as the platform writes it: one row per user (rows sharing a user_id are merged at question time)
create table if not exists users_source (
    user_id Int64,
    birth_date Nullable(Date32),
    country LowCardinality(Nullable(String)),
    consent Nullable(Bool)
)
engine = MergeTree
order by user_id
