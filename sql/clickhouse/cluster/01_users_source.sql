-- the users table on every node: a ReplicatedMergeTree whose replication path has no {shard}, so every node
-- of the cluster is a replica of the same table and holds every user. An insert goes to any one node (fanbase
-- prepare writes to the node it is connected to) and replicates to all the others, so a question reads users
-- locally wherever it runs.
create table if not exists users_source on cluster fanbase (
    user_id Int64,
    birth_date Nullable(Date32),
    country LowCardinality(Nullable(String)),
    consent Nullable(Bool)
)
engine = ReplicatedMergeTree('/clickhouse/tables/all/fanbase/{database}/users_source', '{replica}')
order by user_id
