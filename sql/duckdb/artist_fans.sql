-- one row per fan of one artist, minors and unknown ages included, best score first
-- reads: fans
select * from fans
where artist_id = $artist_id
order by score desc, user_id
