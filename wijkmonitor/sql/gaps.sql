-- The gap of every buurt, wijk, gemeente and renewal area to its own city value, written into `gaps`.
-- Parameters: $tolerance (a change smaller than this, in the indicator's unit, counts as 'gelijk'; an indicator's
-- own `tolerance` overrides it), $gemeente (the focus municipality: a national build keeps all values but
-- compares only this one's units), $weight_indicator (the population indicator, AantalInwoners),
-- $min_population (config gaps.min_population_named).
-- Only percentages, scores (aggregation weighted_mean) and rates are compared with the city. The city value comes
-- from city_values (city_method says whether it is the gemeente's own figure or computed from wijken/buurten).
-- THE RULE (worded by wijkmonitor/common/verdict.py; every summary, sentence, arrow and colour uses it):
-- judgement: did the unit move relative to the city since the previous edition, by polarity (verbeterd /
--   verslechterd / gelijk / neutraal) -- said for every unit as "vooruit/achteruitgegaan ten opzichte van de stad";
-- position / prev_position: worse, better or equal to the city now and at the previous edition;
-- kloof: a "kloof" exists only where the unit is worse than the city (disadvantage > tolerance): kleiner / groter /
--   gelijk while it stays behind (by judgement), gesloten when it was behind and no longer is, ontstaan when it
--   was not behind and now is; null when it is behind in neither edition (no kloof to speak of) or not comparable.
-- trend: only the change of |gap| (kleiner / groter / gelijk), kept for the tables; never a headline, because a
--   lead over the city that shrinks is a smaller |gap| but a step back.
-- unit_changed / city_changed: the unit's or the city's territory differs between the boundary years of the two
-- editions (definition_versions); trend_break is either of them.
-- population / is_small: a buurt's inhabitants in the edition of $weight_indicator nearest to the row's year (the
-- earlier one on a tie); is_small when below $min_population, so pages never name it in rankings or sentences.
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

population as (
    select o.region_code, o.year, o.value
    from observations as o
    where o.indicator_code = $weight_indicator and o.age_group = 'totaal' and o.region_code like 'BU%'
),

nearest_population as (
    select
        u.unit_code, u.year,
        arg_min(p.value, abs(p.year - u.year) * 2 + (p.year > u.year)::integer) as population,
        arg_min(p.year, abs(p.year - u.year) * 2 + (p.year > u.year)::integer) as population_year
    from (select distinct unit_code, year from units where unit_type = 'buurt') as u
    inner join population as p on p.region_code = u.unit_code
    group by u.unit_code, u.year
),

sized as (
    select b.*, np.population, np.population_year
    from breaks as b
    left join nearest_population as np
        on b.unit_type = 'buurt' and np.unit_code = b.unit_code and np.year = b.year
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
        case
            when gap is null or prev_gap is null then null
            when polarity = 'neutral' then 'neutraal'
            when prev_disadvantage > tol then 'slechter'
            when prev_disadvantage < -tol then 'beter'
            else 'gelijk'
        end as prev_position,
        case
            when gap is null or prev_gap is null or polarity = 'neutral' then null
            when disadvantage > tol and prev_disadvantage > tol then
                case
                    when disadvantage - prev_disadvantage < -tol then 'kleiner'
                    when disadvantage - prev_disadvantage > tol then 'groter'
                    else 'gelijk'
                end
            when prev_disadvantage > tol then 'gesloten'
            when disadvantage > tol then 'ontstaan'
        end as kloof,
        method, weight_indicator, weight_year, n_members, n_used, basis,
        boundary_year, city_boundary_year,
        case when prev_year is not null and gap is not null then unit_changed end as unit_changed,
        case when prev_year is not null and gap is not null then city_changed end as city_changed,
        case when prev_year is not null and gap is not null then unit_changed or city_changed end as trend_break,
        population, population_year,
        coalesce(unit_type = 'buurt' and population < $min_population, false) as is_small
    from sized
)

select * from final
order by unit_type, indicator_code, age_group, year, unit_code
