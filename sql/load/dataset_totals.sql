-- one row: how much was read and how much it made
-- reads: artist_profiles, fans, follows_source, streams_source, users
select
    (select count(*) from users)::integer as users,
    (select count(*) from users where is_consenting)::integer as eligible_users,
    (select count(*) from streams_source)::bigint as streams,
    (select count(*) from follows_source)::bigint as follows,
    (select count(*) from artist_profiles)::integer as artists_with_fans,
    (select count(*) from fans)::bigint as fans
