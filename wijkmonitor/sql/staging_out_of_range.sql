-- The first staged percentage outside 0-100, with the file and row it came from. Parameters: $codes (the
-- indicator codes whose unit is %).
select file, row, indicator_code, value
from staging
where list_contains($codes::varchar[], indicator_code) and (value < 0 or value > 100)
order by source_order, row
limit 1
