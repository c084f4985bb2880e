-- one row per artist_id with at least one fan in a standard window the snapshot keeps, every artist at once or the first $limit after artist $after
-- reads: window_artist_profiles
select * exclude (window_name) from window_artist_profiles
where window_name = $window_name and artist_id > $after
order by artist_id
limit $limit
