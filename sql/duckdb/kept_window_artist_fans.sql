-- one row per fan of one artist over a standard window the snapshot keeps, minors and unknown ages included, best score first
-- reads: window_fans
select * exclude (window_name) from window_fans
where window_name = $window_name and artist_id = $artist_id
order by score desc, user_id
