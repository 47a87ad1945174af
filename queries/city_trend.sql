-- The built gemeente's value for one indicator and age group in every edition: the city line of the trend
-- charts, also for years in which the chosen area has no value. From city_values, so a city figure computed
-- from the wijken or buurten (no gemeente figure published) is there too, with its city_method.
-- Parameters: $indicator, $age_group.
with gemeente as (
    select value as gemeente_code from build_meta where key = 'gemeente_code'
)

select c.year, c.value as city_value, c.city_method
from city_values as c
inner join gemeente as g on g.gemeente_code = c.gemeente_code
where c.indicator_code = $indicator and c.age_group = $age_group
order by c.year
