-- Every key once: the value of the first source that published it, how many values there were and their
-- spread (a conflict when > 0), and for a key without any value the symbol and first source that list it.
-- One pass over values and missing cells together, so the missing cells need no join with the observations.
-- Missing cells carry part + $offset (missing_insert.sql), so min(part) is a value's part whenever one exists;
-- arg_min, count, min and max skip the missing cells' null values. No FILTER clauses: they double the cost.
-- Parameters: none.
create temp table observations_grouped as
select
    region_code, year, indicator_code, age_group,
    min(part) as part,
    arg_min(value, part) as value,
    count(value) as n,
    max(value) - min(value) as spread,
    max(symbol) as symbol
from staging
group by region_code, year, indicator_code, age_group
