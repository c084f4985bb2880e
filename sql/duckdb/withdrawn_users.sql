-- one row per user_id who consented when the snapshot was prepared and does not now (or is gone from the users export): every row of theirs leaves the snapshot
-- reads: previous_users, users
select user_id
from previous_users
where user_id not in (select user_id from users where is_consenting)
