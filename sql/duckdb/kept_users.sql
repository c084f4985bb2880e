-- one row per user_id who consents: what a question over a window shows of a fan (what the snapshot keeps of users)
-- reads: users
select user_id, country, age, is_adult
from users
where is_consenting
order by user_id
