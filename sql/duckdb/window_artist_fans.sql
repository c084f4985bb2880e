-- one row per fan of one artist over a window, minors and unknown ages included, best score first
-- reads: fan_scores
select * from fan_scores
where artist_id = $artist_id
order by score desc, user_id
