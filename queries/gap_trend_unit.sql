-- All editions of one unit (renewal area or region) for one indicator and age group, with the city value.
-- Parameters: $unit_code, $indicator, $age_group.
select
    unit_type, unit_code, unit_name, year, value, city_value, gap, gap_rel, disadvantage, prev_year, prev_gap,
    gap_change, trend, kloof, judgement, position, prev_position, method, weight_indicator, weight_year,
    n_members, n_used, is_small, population, city_method,
    basis, trend_break, unit_changed, city_changed, boundary_year, city_boundary_year
from gaps
where unit_code = $unit_code and indicator_code = $indicator and age_group = $age_group
order by year
