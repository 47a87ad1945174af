-- Ontwikkelkompas: per renewal area and indicator, the change of the area and of the city from the previous
-- edition (`prev_year` of the gaps table) to $year. `improvement` signs a change so that positive is better
-- (lower_better flips it; neutral stays null).
-- Parameters: $age_group, $year.
with end_rows as (
    select unit_code as area_id, unit_name as area_name, indicator_code, prev_year, year, value, city_value
    from gaps
    where unit_type = 'area' and age_group = $age_group and year = $year and prev_year is not null
),

start_rows as (
    select g.unit_code as area_id, g.indicator_code, g.value, g.city_value
    from gaps as g
    inner join end_rows as e on e.area_id = g.unit_code and e.indicator_code = g.indicator_code
        and g.year = e.prev_year
    where g.unit_type = 'area' and g.age_group = $age_group
),

joined as (
    select
        e.area_id, e.area_name, e.indicator_code, e.prev_year as start_year, e.year as end_year, i.label, i.unit, i.decimals, i.polarity, i.sort_order,
        s.value as area_start, e.value as area_end, s.city_value as city_start, e.city_value as city_end,
        e.value - s.value as area_change, e.city_value - s.city_value as city_change,
        case i.polarity when 'higher_better' then 1 when 'lower_better' then -1 end as sign
    from end_rows as e
    inner join start_rows as s on s.area_id = e.area_id and s.indicator_code = e.indicator_code
    inner join indicators as i on i.indicator_code = e.indicator_code
)

select
    j.area_id, j.area_name, j.indicator_code, j.start_year, j.end_year, j.label, j.unit, j.decimals, j.polarity, j.area_start, j.area_end,
    j.city_start, j.city_end, j.area_change, j.city_change,
    j.sign * j.area_change as area_improvement,
    j.sign * j.city_change as city_improvement,
    j.sign * (j.area_change - j.city_change) as relative_improvement
from joined as j
inner join renewal_areas as r on r.area_id = j.area_id
order by r.sort_order, j.sort_order
