-- up to limit rows, one per adult fan of one artist, best score first, ties by user_id, after the first offset (twin of sql/duckdb/top_fans.sql)
-- reads: fans
select * from fans
where
    artist_id = {artist_id:Int64}
    and adult_rank > {offset:Int64} and adult_rank <= {offset:Int64} + {limit:Int64}
order by adult_rank
