-- one row: how many users consent now who did not when the snapshot was prepared (their earlier streams were never kept)
-- reads: previous_users, users
select count(*)::integer as users
from users
where is_consenting and user_id not in (select user_id from previous_users)
