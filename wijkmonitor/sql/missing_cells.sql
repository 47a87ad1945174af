-- The keys the sources list without any figure, with the symbol and the first source that lists them: what
-- `missing_values.sql` needs once the staging tables are gone. Parameters: $offset (see missing_insert.sql);
-- `_parts` is registered by the build (part -> source_id).
create temp table missing_cells as
select g.region_code, g.indicator_code, g.age_group, g.year, g.symbol, s.source_id
from observations_grouped as g
inner join _parts as s on s.part = g.part - $offset
where g.n = 0
