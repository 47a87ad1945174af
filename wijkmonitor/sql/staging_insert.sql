-- Append one source frame (registered as _frame) to staging, mapping indicator aliases (_aliases) to codes.
-- Parameters: $order (the source's position: the first source to publish a value wins), $boundary_year (the
-- source's region indeling; null = the year of each value).
insert into staging
select
    f.region_code::varchar, f.year, coalesce(a.code, f.indicator_code::varchar), f.age_group::varchar, f.value,
    f.source_id::varchar, f.file::varchar, f.row, $order,
    coalesce($boundary_year::integer, f.year)
from _frame as f
left join _aliases as a on a.alias = f.indicator_code::varchar
