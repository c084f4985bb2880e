-- up to $limit rows, one per adult fan of one artist, best score first, ties by user_id
select * from fans
where artist_id = $artist_id and is_adult
order by score desc, user_id
limit $limit
