-- up to $limit rows, one per adult fan of one artist over a window, best score first, ties by user_id, after the first $offset
-- (the scores computed for the window, not ranked in a table: the rows $offset + 1 to $offset + $limit read off them)
-- reads: fan_scores
select * from fan_scores
where artist_id = $artist_id and is_adult
order by score desc, user_id
limit $limit offset $offset
