-- one row per artist_id with at least one fan, every artist at once or a page of them: the first $limit after artist $after
-- reads: artist_profiles
select * from artist_profiles
where artist_id > $after
order by artist_id
limit $limit
