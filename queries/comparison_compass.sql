-- Ontwikkelkompas: per renewal area and indicator, the change of the area and of the city between two editions.
-- `improvement` signs a change so that positive is better (lower_better flips it; neutral stays null).
-- Parameters: $age_group, $start_year, $end_year.
with start_rows as (
    select unit_code as area_id, indicator_code, value, city_value
    from gaps
    where unit_type = 'area' and age_group = $age_group and year = $start_year
),

end_rows as (
    select unit_code as area_id, unit_name as area_name, indicator_code, value, city_value
    from gaps
    where unit_type = 'area' and age_group = $age_group and year = $end_year
),

joined as (
    select
        e.area_id, e.area_name, e.indicator_code, i.label, i.unit, i.decimals, i.polarity, i.sort_order,
        s.value as area_start, e.value as area_end, s.city_value as city_start, e.city_value as city_end,
        e.value - s.value as area_change, e.city_value - s.city_value as city_change,
        case i.polarity when 'higher_better' then 1 when 'lower_better' then -1 end as sign
    from end_rows as e
    inner join start_rows as s on s.area_id = e.area_id and s.indicator_code = e.indicator_code
    inner join indicators as i on i.indicator_code = e.indicator_code
)

select
    j.area_id, j.area_name, j.indicator_code, j.label, j.unit, j.decimals, j.polarity, j.area_start, j.area_end,
    j.city_start, j.city_end, j.area_change, j.city_change,
    j.sign * j.area_change as area_improvement,
    j.sign * j.city_change as city_improvement,
    j.sign * (j.area_change - j.city_change) as relative_improvement
from joined as j
inner join renewal_areas as r on r.area_id = j.area_id
order by r.sort_order, j.sort_order
