-- one row per fan of one artist, minors and unknown ages included, best score first (twin of sql/duckdb/artist_fans.sql)
-- reads: fans
select * from fans
where artist_id = {artist_id:Int64}
order by score desc, user_id
