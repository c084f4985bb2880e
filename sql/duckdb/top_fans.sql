-- up to $limit rows, one per adult fan of one artist, best score first, ties by user_id
-- reads: fans
select * from fans
where artist_id = $artist_id and adult_rank <= $limit
order by adult_rank
