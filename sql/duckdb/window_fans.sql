-- one row per (window_name, artist_id, user_id) fan of one standard window: fans as sql/load/fans.sql ranks them over its days
-- (run with the load's relations computed for the window in a schema of their own, ahead of main in the search path)
-- reads: fans
select
    $window_name::varchar as window_name,
    *
from fans
