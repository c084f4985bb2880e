-- records the threshold the listening views count qualifying plays from (30 s, fanbase's default fan
-- definition), once, before the platform inserts a play: change the number here first to count from another.
-- It replicates to every node; fanbase refuses settings asking for another (fan.minMsPlayed)
insert into fanbase_settings (min_ms_played)
select 30000
where (select count() from fanbase_settings) = 0
