-- one row per standard window (7d, 28d, 12m) of the snapshot's as_of: its days, and whether it holds every day the snapshot keeps
-- (a window that does is answered by the load's own tables; the others by window_fans and window_artist_profiles)
-- reads: nothing
select
    unnest($names::varchar[]) as window_name,
    unnest($starts::date[]) as window_start,
    unnest($ends::date[]) as window_end,
    unnest($same_as_all::boolean[]) as same_as_all
