-- one row per artist_id with at least one fan in a standard window the snapshot keeps, every artist at once
-- reads: window_artist_profiles
select * exclude (window_name) from window_artist_profiles
where window_name = $window_name
order by artist_id
