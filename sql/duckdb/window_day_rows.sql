-- one row: how many of the daily aggregates the snapshot keeps fall before $window_start, and how many from it on
-- (a standard window is summed from the fewer: its own days, or the snapshot's sums less the days before it)
-- reads: streams_daily
select
    count(*) filter (where day < $window_start::date)::bigint as earlier_rows,
    count(*) filter (where day >= $window_start::date)::bigint as window_rows
from streams_daily
