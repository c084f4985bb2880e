-- one row per fanbase prepare into this database: the data report of the exports it loaded
create table if not exists fanbase_loads (
    loaded_at DateTime64(3, 'UTC'),
    fanbase_version String,
    -- started, then finished: a load that never finished is refused (its tables hold part of the exports)
    status LowCardinality(String),
    report String
)
engine = MergeTree
order by loaded_at
