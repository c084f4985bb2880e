-- one row per artist_id with at least one fan, every artist at once or the first limit after artist after (twin of sql/duckdb/every_artist_profile.sql)
-- reads: artist_profiles
select * from artist_profiles
where artist_id > {after:Int64}
order by artist_id
limit {limit:Int64}
