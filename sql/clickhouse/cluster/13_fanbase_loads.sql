-- one row per fanbase prepare into this database, the data report of the exports it loaded: on every node like
-- users_source (no {shard} in the path), so the row written through one node is read from any
create table if not exists fanbase_loads on cluster fanbase (
    loaded_at DateTime64(3, 'UTC'),
    fanbase_version String,
    -- started, then finished: a load that never finished is refused (its tables hold part of the exports)
    status LowCardinality(String),
    report String
)
engine = ReplicatedMergeTree('/clickhouse/tables/all/fanbase/{database}/fanbase_loads', '{replica}')
order by loaded_at
