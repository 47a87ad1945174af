-- Values of wijk-only sources (indicators with lowest_level 'wijk', e.g. the Leefbaarometer) for renewal areas
-- whose buurten make up whole wijken (area_wijk_coverage), appended to `area_values`: the wijk values weighted
-- by the wijken's population of the nearest year covering all of them; only when every wijk has a value.
-- Parameters: $weight_indicator.
insert into area_values by name
with wijk_members as (
    select distinct m.area_id, m.data_year, m.definition_year, 'WK' || substr(m.buurt_code, 3, 6) as wijk_code
    from area_members_by_data_year as m
    inner join area_wijk_coverage as c
        on c.area_id = m.area_id and c.boundary_year = m.definition_year and c.whole_wijken
),

sized as (
    select *, count(*) over (partition by area_id, data_year) as n_members from wijk_members
),

wijk_obs as (
    select s.area_id, s.wijk_code, s.n_members, s.data_year, s.definition_year,
        o.indicator_code, o.age_group, o.year, o.value
    from sized as s
    inner join observations as o on o.region_code = s.wijk_code and o.boundary_year = s.data_year
    inner join indicators as i on i.indicator_code = o.indicator_code
    where i.lowest_level = 'wijk' and i.aggregation = 'weighted_mean'
),

weights as (
    select region_code as wijk_code, year as weight_year, value as weight
    from observations
    where indicator_code = $weight_indicator and age_group = 'totaal' and value > 0 and region_code like 'WK%'
),

complete_weight_years as (
    select s.area_id, s.data_year, w.weight_year
    from sized as s
    inner join weights as w using (wijk_code)
    group by s.area_id, s.data_year, w.weight_year
    having count(*) = any_value(s.n_members)
),

cells as (
    select distinct area_id, data_year, indicator_code, age_group, year from wijk_obs
),

chosen as (
    select c.*, arg_min(wy.weight_year, abs(wy.weight_year - c.year) * 10000 + wy.weight_year) as weight_year
    from cells as c
    left join complete_weight_years as wy using (area_id, data_year)
    group by all
),

joined as (
    select o.*, ch.weight_year, w.weight
    from wijk_obs as o
    inner join chosen as ch using (area_id, data_year, indicator_code, age_group, year)
    left join weights as w on w.wijk_code = o.wijk_code and w.weight_year = ch.weight_year
)

select
    area_id, indicator_code, age_group, year,
    case when any_value(weight_year) is not null then sum(value * weight) / sum(weight) else avg(value) end
        as value,
    case when any_value(weight_year) is not null then 'gewogen' else 'ongewogen' end as method,
    case when any_value(weight_year) is not null then $weight_indicator end as weight_indicator,
    any_value(weight_year)::integer as weight_year,
    any_value(n_members)::integer as n_members,
    count(value)::integer as n_used,
    data_year::integer as boundary_year,
    any_value(definition_year)::integer as definition_year,
    'wijken' as basis
from joined
group by area_id, data_year, indicator_code, age_group, year
having count(value) = any_value(n_members)
