-- zero or one row: the data report of the last fanbase prepare into these tables
select report from fanbase_loads
order by loaded_at desc
limit 1
