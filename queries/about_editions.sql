-- Editions (years) per indicator, age group and level: gemeente, wijk, buurt and renewal area, with the
-- number of units that have a value in the latest year. Parameters: none.
with region_years as (
    select o.indicator_code, o.age_group, r.level, o.year, count(*) as n_units
    from observations as o
    inner join regions as r on r.region_code = o.region_code
    inner join build_meta as m on m.key = 'gemeente_code' and m.value = r.gemeente_code
    where r.level in ('gemeente', 'wijk', 'buurt')
    group by all
),

area_years as (
    select indicator_code, age_group, 'area' as level, year, count(*) as n_units
    from area_values
    group by all
),

all_years as (
    select * from region_years
    union all
    select * from area_years
),

per_level as (
    select
        indicator_code, age_group, level,
        string_agg(year::varchar, ', ' order by year) as years,
        arg_max(n_units, year) as n_latest
    from all_years
    group by indicator_code, age_group, level
),

final as (
    select
        p.indicator_code, i.label, i.unit, coalesce(t.sort_order, 99) as theme_order, i.sort_order,
        p.age_group, a.label as age_label, a.sort_order as age_order,
        max(case when p.level = 'gemeente' then p.years end) as years_gemeente,
        max(case when p.level = 'wijk' then p.years end) as years_wijk,
        max(case when p.level = 'wijk' then p.n_latest end) as n_wijk,
        max(case when p.level = 'buurt' then p.years end) as years_buurt,
        max(case when p.level = 'buurt' then p.n_latest end) as n_buurt,
        max(case when p.level = 'area' then p.years end) as years_area,
        max(case when p.level = 'area' then p.n_latest end) as n_area
    from per_level as p
    inner join indicators as i on i.indicator_code = p.indicator_code
    left join themes as t on t.theme_id = i.theme_id
    inner join age_groups as a on a.age_group = p.age_group
    where i.in_catalogue
    group by all
)

select * from final
order by theme_order, sort_order, age_order
