-- Gaps of all renewal areas for all indicators, age groups and years (the programme overview's base).
-- Parameters: none.
select
    g.unit_code as area_id, g.unit_name as area_name, g.indicator_code, g.age_group, g.year, g.value,
    g.city_value, g.gap, g.gap_rel, g.disadvantage, g.prev_year, g.prev_gap, g.gap_change, g.trend, g.kloof, g.prev_position, g.is_small, g.population,
    g.judgement, g.position, g.method, g.weight_indicator, g.weight_year, g.n_members, g.n_used, g.city_method,
    g.basis, g.trend_break, g.unit_changed, g.city_changed, g.boundary_year
from gaps as g
where g.unit_type = 'area'
order by g.unit_code, g.indicator_code, g.age_group, g.year
