-- All regions of the gemeente (and the gemeente itself). Parameters: none.
select region_code, name, level, parent_code, gemeente_code, boundary_year
from regions
where level in ('gemeente', 'wijk', 'buurt')
order by level, region_code
