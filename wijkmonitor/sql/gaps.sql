-- The gap of every buurt, wijk, gemeente and renewal area to its own city value, written into `gaps`.
-- Parameters: $tolerance (a change smaller than this, in the indicator's unit, counts as 'gelijk'; an indicator's
-- own `tolerance` overrides it), $gemeente (the focus municipality: a national build keeps all values but
-- compares only this one's units).
-- Only percentages, scores (aggregation weighted_mean) and rates are compared with the city. The city value comes
-- from city_values (city_method says whether it is the gemeente's own figure or computed from wijken/buurten).
-- trend: what happened to |gap| since the previous edition (kleiner / groter / gelijk);
-- judgement: the same change judged by polarity (verbeterd / verslechterd / gelijk / neutraal);
-- unit_changed / city_changed: the unit's or the city's territory differs between the boundary years of the two
-- editions (definition_versions); trend_break is either of them.
create table gaps as
with region_units as (
    select
        r.level as unit_type, o.region_code as unit_code, r.name as unit_name, r.gemeente_code,
        o.indicator_code, o.age_group, o.year, o.value, o.boundary_year,
        null::varchar as method, null::varchar as weight_indicator, null::integer as weight_year,
        null::integer as n_members, null::integer as n_used, null::varchar as basis
    from observations as o
    inner join regions as r on r.region_code = o.region_code
    where r.level in ('wijk', 'buurt') and r.gemeente_code = $gemeente
),

city_units as (
    select
        'gemeente' as unit_type, c.gemeente_code as unit_code, r.name as unit_name, c.gemeente_code,
        c.indicator_code, c.age_group, c.year, c.value, c.boundary_year,
        null::varchar as method, c.weight_indicator, c.weight_year,
        c.n_wijken as n_members, c.n_wijken as n_used,
        case when c.city_method = 'berekend uit de wijken' then 'wijken' end as basis
    from city_values as c
    inner join regions as r on r.region_code = c.gemeente_code
),

area_units as (
    select
        'area' as unit_type, a.area_id as unit_code, ra.name as unit_name, ra.gemeente_code,
        a.indicator_code, a.age_group, a.year, a.value, a.boundary_year,
        a.method, a.weight_indicator, a.weight_year, a.n_members, a.n_used, a.basis
    from area_values as a
    inner join renewal_areas as ra on ra.area_id = a.area_id
),

units as (
    select * from region_units
    union all
    select * from city_units
    union all
    select * from area_units
),

comparable as (
    select u.*, i.polarity, coalesce(i.tolerance, $tolerance) as tol
    from units as u
    inner join indicators as i on i.indicator_code = u.indicator_code
    where i.aggregation in ('weighted_mean', 'rate')
),

with_city as (
    select c.*, city.value as city_value, city.city_method, city.boundary_year as city_boundary_year
    from comparable as c
    left join city_values as city
        on city.gemeente_code = c.gemeente_code
        and city.indicator_code = c.indicator_code
        and city.age_group = c.age_group
        and city.year = c.year
),

gapped as (
    select
        *,
        value - city_value as gap,
        (value - city_value) / nullif(city_value, 0) as gap_rel,
        case polarity
            when 'lower_better' then value - city_value
            when 'higher_better' then city_value - value
        end as disadvantage
    from with_city
),

compared as (
    select
        *,
        lag(year) over w as prev_year,
        lag(gap) over w as prev_gap,
        lag(disadvantage) over w as prev_disadvantage,
        lag(boundary_year) over w as prev_boundary_year,
        lag(city_boundary_year) over w as prev_city_boundary_year
    from gapped
    where gap is not null
    window w as (partition by unit_type, unit_code, indicator_code, age_group order by year)
),

lagged as (
    select * from compared
    union all by name
    select
        *, null::integer as prev_year, null::double as prev_gap, null::double as prev_disadvantage,
        null::integer as prev_boundary_year, null::integer as prev_city_boundary_year
    from gapped
    where gap is null
),

breaks as (
    select
        l.*,
        coalesce(now_unit.version <> prev_unit.version, false) as unit_changed,
        coalesce(now_city.version <> prev_city.version, false) as city_changed
    from lagged as l
    left join definition_versions as now_unit
        on now_unit.unit_type = l.unit_type and now_unit.unit_code = l.unit_code
        and now_unit.boundary_year = l.boundary_year
    left join definition_versions as prev_unit
        on prev_unit.unit_type = l.unit_type and prev_unit.unit_code = l.unit_code
        and prev_unit.boundary_year = l.prev_boundary_year
    left join definition_versions as now_city
        on now_city.unit_type = 'gemeente' and now_city.unit_code = l.gemeente_code
        and now_city.boundary_year = l.city_boundary_year
    left join definition_versions as prev_city
        on prev_city.unit_type = 'gemeente' and prev_city.unit_code = l.gemeente_code
        and prev_city.boundary_year = l.prev_city_boundary_year
),

final as (
    select
        unit_type, unit_code, unit_name, gemeente_code, indicator_code, age_group, year,
        value, city_value, city_method, gap, gap_rel, disadvantage,
        case when gap is not null then prev_year end as prev_year,
        case when gap is not null then prev_gap end as prev_gap,
        gap - prev_gap as gap_change,
        case
            when gap is null or prev_gap is null then null
            when abs(gap) - abs(prev_gap) < -tol then 'kleiner'
            when abs(gap) - abs(prev_gap) > tol then 'groter'
            else 'gelijk'
        end as trend,
        case
            when gap is null or prev_gap is null then null
            when polarity = 'neutral' then 'neutraal'
            when disadvantage - prev_disadvantage < -tol then 'verbeterd'
            when disadvantage - prev_disadvantage > tol then 'verslechterd'
            else 'gelijk'
        end as judgement,
        case
            when gap is null then null
            when polarity = 'neutral' then 'neutraal'
            when disadvantage > tol then 'slechter'
            when disadvantage < -tol then 'beter'
            else 'gelijk'
        end as position,
        method, weight_indicator, weight_year, n_members, n_used, basis,
        boundary_year, city_boundary_year,
        case when prev_year is not null and gap is not null then unit_changed end as unit_changed,
        case when prev_year is not null and gap is not null then city_changed end as city_changed,
        case when prev_year is not null and gap is not null then unit_changed or city_changed end as trend_break
    from breaks
)

select * from final
order by unit_type, indicator_code, age_group, year, unit_code
