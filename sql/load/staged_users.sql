-- one row per users export row with a user_id, as ClickHouse's users_source stores it: birth dates before
-- 1900, beyond ClickHouse's Date32 and older than any plausible user, become unknown as users.sql makes them
-- reads: users_source
select
    user_id,
    case when birth_date >= date '1900-01-01' then birth_date end as birth_date,
    country,
    consent
from users_source
where user_id is not null
