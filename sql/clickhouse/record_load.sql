-- no rows: records a prepare's progress in fanbase_loads: started before its inserts, finished with its report
-- reads: nothing
insert into fanbase_loads (loaded_at, fanbase_version, status, report)
select now64(3), {fanbase_version:String}, {status:String}, {report:String}
