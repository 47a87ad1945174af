-- Append one source's values (registered as _frame) to staging, mapping indicator aliases (_aliases) to codes.
-- Parameters: $part_base (added to the frame's own part numbers to give the build-wide part: the lowest part
-- of a key is its first source, whose value wins).
insert into staging
select
    f.region_code::varchar, f.year, coalesce(a.code, f.indicator_code::varchar), f.age_group::varchar, f.value,
    null, f.row, $part_base + f.part
from _frame as f
left join _aliases as a on a.alias = f.indicator_code::varchar
