-- Append one source's cells without a figure (registered as _missing, see adapters.MISSING_COLUMNS) to
-- staging, mapping indicator aliases (_aliases) to codes and source ids to parts (_missing_parts). Parameters:
-- $offset (added to the part, so that a missing cell never wins over a value: observations_grouped.sql).
insert into staging
select
    m.region_code::varchar, m.year, coalesce(a.code, m.indicator_code::varchar), m.age_group::varchar, null,
    coalesce(m.symbol::varchar, ''), null, p.part + $offset
from _missing as m
inner join _missing_parts as p on p.source_id = m.source_id::varchar
left join _aliases as a on a.alias = m.indicator_code::varchar
