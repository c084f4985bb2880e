-- one row: the fan definition's settings the listening tables are counted with, fixed when the schema is
-- created (fanbase prepare writes it from the settings' fan.minMsPlayed, 30 s by default; the answers refuse another value)
create table if not exists fanbase_settings (
    min_ms_played Int64
)
engine = MergeTree
order by tuple()
