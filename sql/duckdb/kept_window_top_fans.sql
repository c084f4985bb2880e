-- up to $limit rows, one per adult fan of one artist over a standard window the snapshot keeps, best score first, ties by user_id, after the first $offset
-- reads: window_fans
select * exclude (window_name) from window_fans
where
    window_name = $window_name and artist_id = $artist_id
    and adult_rank > $offset and adult_rank <= $offset + $limit
order by adult_rank
