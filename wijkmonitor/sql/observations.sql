-- One value per region, year, indicator and age group, ordered for the page lookups (zone maps do the rest).
-- Parameters: none. `_parts` (part, source_id, boundary_year: null = the year of each value) is registered
-- by the build; conflicting duplicates were refused before this runs (staging_conflict.sql).
create table observations as
select
    g.region_code, g.year, g.indicator_code, g.age_group, g.value, s.source_id,
    coalesce(s.boundary_year, g.year)::integer as boundary_year
from observations_grouped as g
inner join _parts as s on s.part = g.part
where g.n > 0
order by g.indicator_code, g.age_group, g.year, g.region_code
