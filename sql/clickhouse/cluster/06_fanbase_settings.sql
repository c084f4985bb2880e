-- one row: the fan definition's settings the listening tables are counted with (14_record_settings.sql writes it).
-- On every node like users_source (no {shard} in the path): each shard's views read it locally
create table if not exists fanbase_settings on cluster fanbase (
    min_ms_played Int64
)
engine = ReplicatedMergeTree('/clickhouse/tables/all/fanbase/{database}/fanbase_settings', '{replica}')
order by tuple()
