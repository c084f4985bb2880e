-- one row for one artist_id over a standard window the snapshot keeps, none when the artist has no fan in it
-- reads: window_artist_profiles
select * exclude (window_name) from window_artist_profiles
where window_name = $window_name and artist_id = $artist_id
