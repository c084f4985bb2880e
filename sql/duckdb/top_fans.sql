-- up to $limit rows, one per adult fan of one artist, best score first, ties by user_id, after the first $offset
-- reads: fans
select * from fans
where artist_id = $artist_id and adult_rank > $offset and adult_rank <= $offset + $limit
order by adult_rank
