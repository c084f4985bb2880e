-- one row: the first and last day of the streams just read (every row, consenting or not, qualifying or not)
-- reads: streams_deduplicated
select
    min(streamed_at)::date as first_day,
    max(streamed_at)::date as last_day
from streams_deduplicated
