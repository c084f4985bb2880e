-- one row per stream id, $first to $last: a table for streams.sql, whose copy DuckDB can then tell the progress of
select range as stream_id from range($first, $last)
