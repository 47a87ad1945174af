-- Key figures of a unit that are not compared with the city: counts, areas and densities, and percentages
-- whose latest edition has no city figure (e.g. the CBS map of 2017, which has no gemeente row). The latest
-- year of each. Areas only have sums of complete member sets and their weighted means.
-- Parameters: $unit_code (renewal area id, wijk code or buurt code).
with unit_values as (
    select indicator_code, age_group, year, value
    from observations
    where region_code = $unit_code
    union all
    select indicator_code, age_group, year, value
    from area_values
    where area_id = $unit_code
),

city as (
    select o.indicator_code, o.age_group, o.year, o.value as city_value
    from observations as o
    inner join build_meta as m on m.key = 'gemeente_code' and m.value = o.region_code
),

latest as (
    select u.*, c.city_value, i.aggregation
    from unit_values as u
    inner join indicators as i on i.indicator_code = u.indicator_code
    left join city as c on c.indicator_code = u.indicator_code and c.age_group = u.age_group and c.year = u.year
    qualify row_number() over (partition by u.indicator_code, u.age_group order by u.year desc) = 1
),

compared as (
    -- what profile_values shows: weighted means with a city figure in some edition
    select distinct g.indicator_code, g.age_group
    from gaps as g
    where g.unit_code = $unit_code and g.city_value is not null
),

final as (
    select
        l.indicator_code, i.label, i.unit, i.decimals, i.source, i.licence, i.theme_id, i.sort_order,
        l.age_group, l.year, l.value, l.city_value
    from latest as l
    inner join indicators as i on i.indicator_code = l.indicator_code
    left join compared as c on c.indicator_code = l.indicator_code and c.age_group = l.age_group
    where l.aggregation in ('sum', 'none') or c.indicator_code is null
)

select * from final
order by sort_order, age_group
