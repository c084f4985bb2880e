-- one row for one artist_id, none when the artist has no fan
-- reads: artist_profiles
select * from artist_profiles
where artist_id = $artist_id
