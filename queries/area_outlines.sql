-- Buurt boundaries of every renewal area's members, in the areas' own boundary year, for outlines on maps.
-- Parameters: none.
select m.area_id, a.name as area_name, b.region_code, b.geojson, b.lon, b.lat, b.year as boundary_year
from area_members as m
inner join renewal_areas as a on a.area_id = m.area_id
inner join boundaries as b on b.region_code = m.buurt_code and b.year = a.boundary_year and b.level = 'buurt'
where a.kind <> 'programmagebied'
order by a.sort_order, b.region_code
