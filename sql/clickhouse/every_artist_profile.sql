-- one row per artist_id with at least one fan, every artist at once (twin of sql/duckdb/every_artist_profile.sql)
-- reads: artist_profiles
select * from artist_profiles
order by artist_id
