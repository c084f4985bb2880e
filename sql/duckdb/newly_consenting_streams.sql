-- one row: how many streams of the parts a snapshot already read belong to users who consent now and did not then
-- reads: previous_users, streams_source, users
select count(*)::bigint as streams
from streams_source
where user_id in (
    select user_id from users
    where is_consenting and user_id not in (select user_id from previous_users)
)
