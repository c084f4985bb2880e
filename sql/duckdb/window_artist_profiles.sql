-- one row per (window_name, artist_id) with at least one fan in one standard window: artist_profiles over its days
-- (run with the load's relations computed for the window in a schema of their own, ahead of main in the search path)
-- reads: artist_profiles
select
    $window_name::varchar as window_name,
    *
from artist_profiles
