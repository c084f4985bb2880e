-- one row per (artist_id, user_id) fan: fan_scores with the fan's place among the artist's adult fans
-- (a table of the load, sorted by artist and score: top fans read the first row groups only)
-- reads: fan_scores
select
    artist_id,
    user_id,
    country,
    age,
    is_adult,
    score,
    case
        when is_adult
            then row_number() over (partition by artist_id, is_adult order by score desc, user_id)
    end::integer as adult_rank,
    listening_ms,
    streams,
    active_days,
    days_since_last_stream,
    share,
    follows
from fan_scores
order by artist_id, score desc, user_id
