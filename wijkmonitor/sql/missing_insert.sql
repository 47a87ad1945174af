-- Append one source's missing cells (registered as _missing) to missing_staging, mapping indicator aliases.
-- Parameters: none.
insert into missing_staging
select
    m.region_code::varchar, m.year, coalesce(a.code, m.indicator_code::varchar), m.age_group::varchar,
    m.symbol::varchar, m.source_id::varchar
from _missing as m
left join _aliases as a on a.alias = m.indicator_code::varchar
