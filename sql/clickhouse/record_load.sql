-- no rows: records one prepare's data report in fanbase_loads
insert into fanbase_loads (loaded_at, fanbase_version, report)
select now64(3), {fanbase_version:String}, {report:String}
