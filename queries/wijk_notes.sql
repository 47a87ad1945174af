-- Why a renewal area has no value for a source that exists only per wijk (its buurten do not make up whole
-- wijken), per area and definition year. Parameters: none.
select c.area_id, c.boundary_year, c.whole_wijken, c.note
from area_wijk_coverage as c
where not c.whole_wijken and c.note is not null
order by c.area_id, c.boundary_year
