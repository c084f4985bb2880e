-- one row per month of one artist_id over a window the snapshot keeps (all, or a standard window): its trend as artist_trend.sql counted it at prepare
-- reads: artist_trends
select month, active_fans, new_fans from artist_trends
where window_name = $window_name and artist_id = $artist_id
order by month
