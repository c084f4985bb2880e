-- one row for one artist_id over a window the snapshot keeps (all, or a standard window), none when the artist has no fan in it: its fans by engagement tier as artist_segments.sql counted them at prepare
-- reads: artist_tiers
select super_fans, light_fans, fans from artist_tiers
where window_name = $window_name and artist_id = $artist_id
