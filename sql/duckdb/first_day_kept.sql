-- one row: the first day of the daily aggregates the snapshot keeps (null when it keeps none)
-- reads: streams_daily
select min(day) as first_day
from streams_daily
