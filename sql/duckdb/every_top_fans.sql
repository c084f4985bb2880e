-- up to $limit rows per artist_id, its adult fans best score first (ties by user_id), every artist at once
-- reads: fans
select artist_id, user_id, country, age, is_adult, score
from fans
where adult_rank <= $limit
order by artist_id, adult_rank
