-- Every edition of every renewal area for the indicators compared with the city: the series the goal
-- status is computed from (value for value targets, disadvantage for gap targets).
-- Parameters: none.
select
    g.unit_code as area_id, g.unit_name as area_name, g.indicator_code, g.age_group, g.year, g.value,
    g.city_value, g.gap, g.disadvantage, g.method
from gaps as g
where g.unit_type = 'area'
order by g.indicator_code, g.age_group, g.unit_code, g.year
