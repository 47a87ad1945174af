-- Every key once, with the value of the first source that published it and how many sources did.
-- Parameters: none.
create table observations_grouped as
select
    region_code, year, indicator_code, age_group,
    arg_min(value, source_order) as value,
    arg_min(source_id, source_order) as source_id,
    arg_min(boundary_year, source_order) as boundary_year,
    count(*) as n,
    max(value) - min(value) as spread
from staging
group by region_code, year, indicator_code, age_group
