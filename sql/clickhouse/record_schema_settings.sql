-- no rows: records the settings the listening tables are counted with, once, before any play is inserted
-- reads: fanbase_settings
insert into fanbase_settings (min_ms_played)
select {min_ms_played:Int64}
where (select count() from fanbase_settings) = 0
