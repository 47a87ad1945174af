-- The boundaries of one level in its map year, without figures: the background of the overview map.
-- Parameters: $level.
select b.region_code, b.name, b.geojson, b.lon, b.lat, b.year as boundary_year
from boundaries as b
inner join map_years as m on m.level = b.level and m.year = b.year
where b.level = $level
order by b.region_code
