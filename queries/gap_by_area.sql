-- The gap of every renewal area to the city for one indicator, age group and year.
-- Parameters: $indicator, $age_group, $year.
select
    g.unit_code as area_id, g.unit_name as area_name, g.year, g.value, g.city_value, g.gap, g.gap_rel,
    g.disadvantage, g.prev_year, g.prev_gap, g.gap_change, g.trend, g.kloof, g.judgement, g.position, g.prev_position, g.is_small, g.population,
    g.method, g.weight_indicator, g.weight_year, g.n_members, g.n_used
from gaps as g
where g.unit_type = 'area'
    and g.indicator_code = $indicator
    and g.age_group = $age_group
    and g.year = $year
order by g.disadvantage desc nulls last
