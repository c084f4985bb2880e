-- one row: how much the tables hold (twin of sql/load/dataset_totals.sql without its fan counts: every command opening
-- tables filled without fanbase prepare reads this, and counting fans takes a pass over every artist)
-- reads: follows_source, streams_source, users
select
    toInt64(count()) as users,
    toInt64(countIf(is_consenting)) as eligible_users,
    toInt64((select count() from streams_source)) as streams,
    toInt64((select count() from follows_source)) as follows
from users
