-- one row: the fan definition's settings the listening tables are counted with, fixed when the schema is
-- created (fanbase prepare writes it from --min-ms-played's setting; the answers refuse another value)
create table if not exists fanbase_settings (
    min_ms_played Int64
)
engine = MergeTree
order by tuple()
