-- one row: how many artists have a fan, and how many fans there are (the data report's last two totals)
-- reads: artist_profiles, fans
select
    (select count(*) from artist_profiles)::integer as artists_with_fans,
    (select count(*) from fans)::bigint as fans
