-- zero or one row: the last fanbase prepare into these tables, started or finished, with its data report
-- reads: fanbase_loads
select loaded_at, status, report from fanbase_loads
order by loaded_at desc
limit 1
