-- The gap of every buurt, wijk, gemeente and renewal area to its own city value, written into `gaps`.
-- Parameters: $tolerance (a change smaller than this, in the indicator's unit, counts as 'gelijk'),
-- $gemeente (the focus municipality: a national build keeps all values but compares only this one's units).
-- Only indicators aggregated as weighted means (percentages and rates) are compared with the city.
-- trend: what happened to |gap| since the previous edition (kleiner / groter / gelijk);
-- judgement: the same change judged by polarity (verbeterd / verslechterd / gelijk / neutraal).
create table gaps as
with region_units as (
    select
        r.level as unit_type, o.region_code as unit_code, r.name as unit_name, r.gemeente_code,
        o.indicator_code, o.age_group, o.year, o.value,
        null::varchar as method, null::varchar as weight_indicator, null::integer as weight_year,
        null::integer as n_members, null::integer as n_used
    from observations as o
    inner join regions as r on r.region_code = o.region_code
    where r.level in ('gemeente', 'wijk', 'buurt') and r.gemeente_code = $gemeente
),

area_units as (
    select
        'area' as unit_type, a.area_id as unit_code, ra.name as unit_name, ra.gemeente_code,
        a.indicator_code, a.age_group, a.year, a.value,
        a.method, a.weight_indicator, a.weight_year, a.n_members, a.n_used
    from area_values as a
    inner join renewal_areas as ra on ra.area_id = a.area_id
),

units as (
    select * from region_units
    union all
    select * from area_units
),

comparable as (
    select u.*, i.polarity
    from units as u
    inner join indicators as i on i.indicator_code = u.indicator_code
    where i.aggregation = 'weighted_mean'
),

with_city as (
    select c.*, city.value as city_value
    from comparable as c
    left join observations as city
        on city.region_code = c.gemeente_code
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
        lag(disadvantage) over w as prev_disadvantage
    from gapped
    where gap is not null
    window w as (partition by unit_type, unit_code, indicator_code, age_group order by year)
),

lagged as (
    select * from compared
    union all by name
    select *, null::integer as prev_year, null::double as prev_gap, null::double as prev_disadvantage
    from gapped
    where gap is null
),

final as (
    select
        unit_type, unit_code, unit_name, gemeente_code, indicator_code, age_group, year,
        value, city_value, gap, gap_rel, disadvantage,
        case when gap is not null then prev_year end as prev_year,
        case when gap is not null then prev_gap end as prev_gap,
        gap - prev_gap as gap_change,
        case
            when gap is null or prev_gap is null then null
            when abs(gap) - abs(prev_gap) < -$tolerance then 'kleiner'
            when abs(gap) - abs(prev_gap) > $tolerance then 'groter'
            else 'gelijk'
        end as trend,
        case
            when gap is null or prev_gap is null then null
            when polarity = 'neutral' then 'neutraal'
            when disadvantage - prev_disadvantage < -$tolerance then 'verbeterd'
            when disadvantage - prev_disadvantage > $tolerance then 'verslechterd'
            else 'gelijk'
        end as judgement,
        case
            when gap is null then null
            when polarity = 'neutral' then 'neutraal'
            when disadvantage > $tolerance then 'slechter'
            when disadvantage < -$tolerance then 'beter'
            else 'gelijk'
        end as position,
        method, weight_indicator, weight_year, n_members, n_used
    from lagged
)

select * from final
order by unit_type, indicator_code, age_group, year, unit_code
