-- Number of values per region, source and year: for the unknown-region count and the summary.
-- Parameters: none.
select region_code, source_id, year, count(*) as n
from observations
group by region_code, source_id, year
