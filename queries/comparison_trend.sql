-- Area, city and comparison group over the editions for one indicator and age group.
-- Parameters: $area, $indicator, $age_group.
with gemeente as (
    select value as gemeente_code from build_meta where key = 'gemeente_code'
),

area as (
    select year, value as area_value from area_values
    where area_id = $area and indicator_code = $indicator and age_group = $age_group
),

city as (
    select o.year, o.value as city_value
    from observations as o
    inner join gemeente as g on g.gemeente_code = o.region_code
    where o.indicator_code = $indicator and o.age_group = $age_group
),

comparison_group as (
    select year, value as group_value, n_buurten, group_size from comparison_values
    where area_id = $area and indicator_code = $indicator and age_group = $age_group
),

years as (
    select year from area union select year from city union select year from comparison_group
)

select y.year, a.area_value, c.city_value, g.group_value, g.n_buurten, g.group_size
from years as y
left join area as a on a.year = y.year
left join city as c on c.year = y.year
left join comparison_group as g on g.year = y.year
order by y.year
