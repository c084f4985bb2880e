-- zero or one row: the settings the listening tables are counted with (sql/clickhouse/schema/04_fanbase_settings.sql)
-- reads: fanbase_settings
select min(min_ms_played) as min_ms_played
from fanbase_settings
having count() > 0
