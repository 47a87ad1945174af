-- The first staged percentage outside 0-100, with the part (file) number and row it came from. Parameters: $codes
-- (the indicator codes whose unit is %).
select part, row, indicator_code, value
from staging
where value is not null and list_contains($codes::varchar[], indicator_code) and (value < 0 or value > 100)
order by part, row
limit 1
