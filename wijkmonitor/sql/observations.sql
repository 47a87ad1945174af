-- One value per region, year, indicator and age group, ordered for the page lookups (zone maps do the rest).
-- Parameters: none. Conflicting duplicates were refused before this runs (staging_conflict.sql).
create table observations as
select region_code, year, indicator_code, age_group, value, source_id, boundary_year
from observations_grouped
order by indicator_code, age_group, year, region_code
