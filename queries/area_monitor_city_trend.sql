-- The built gemeente's own value for one indicator and age group in every edition: the city line of the
-- trend charts, also for years in which the chosen area has no value.
-- Parameters: $indicator, $age_group.
with gemeente as (
    select value as gemeente_code from build_meta where key = 'gemeente_code'
)

select o.year, o.value as city_value
from observations as o
inner join gemeente as g on g.gemeente_code = o.region_code
where o.indicator_code = $indicator and o.age_group = $age_group
order by o.year
