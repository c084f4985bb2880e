-- one row: how much the tables hold and how much it makes (twin of sql/dataset_totals.sql)
select
    toInt64((select count() from users)) as users,
    toInt64((select count() from users where is_consenting)) as eligible_users,
    toInt64((select count() from streams_source)) as streams,
    toInt64((select count() from follows_source)) as follows,
    toInt64((select count() from artist_profiles)) as artists_with_fans,
    toInt64((select count() from fans)) as fans
