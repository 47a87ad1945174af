-- The city reference of every indicator, written into `city_values`: the gemeente's own figure where a source
-- publishes one ('eigen cijfer'; rates are always 'berekend uit de buurten', see rate_values.sql), else, for
-- percentages and scores, the wijken of the gemeente weighted by their population of the nearest year that
-- covers all of them ('berekend uit de wijken'), only when every wijk of that boundary year has a value.
-- Parameters: $gemeente, $weight_indicator.
create table city_values as
with own as (
    select
        o.region_code as gemeente_code, o.indicator_code, o.age_group, o.year, o.value, o.boundary_year,
        case when i.aggregation = 'rate' then 'berekend uit de buurten' else 'eigen cijfer' end as city_method,
        null::varchar as weight_indicator, null::integer as weight_year, null::integer as n_wijken
    from observations as o
    inner join indicators as i on i.indicator_code = o.indicator_code
    where o.region_code = $gemeente
),

wijken as (
    select boundary_year, wijk_code, count(*) over (partition by boundary_year) as n_wijken
    from gemeente_wijken
),

wijk_obs as (
    select o.indicator_code, o.age_group, o.year, o.value, o.region_code as wijk_code, w.boundary_year, w.n_wijken
    from observations as o
    inner join indicators as i on i.indicator_code = o.indicator_code
    inner join wijken as w on w.wijk_code = o.region_code and w.boundary_year = o.boundary_year
    where i.aggregation = 'weighted_mean'
    and not exists (
        select 1 from own
        where own.indicator_code = o.indicator_code and own.age_group = o.age_group and own.year = o.year
    )
),

weights as (
    select region_code as wijk_code, year as weight_year, value as weight
    from observations
    where indicator_code = $weight_indicator and age_group = 'totaal' and value > 0
),

complete_weight_years as (
    select w.boundary_year, p.weight_year
    from wijken as w
    inner join weights as p using (wijk_code)
    group by w.boundary_year, p.weight_year
    having count(*) = any_value(w.n_wijken)
),

cells as (
    select distinct indicator_code, age_group, year, boundary_year from wijk_obs
),

chosen as (
    select c.*, arg_min(wy.weight_year, abs(wy.weight_year - c.year) * 10000 + wy.weight_year) as weight_year
    from cells as c
    left join complete_weight_years as wy using (boundary_year)
    group by all
),

computed as (
    select
        $gemeente as gemeente_code, o.indicator_code, o.age_group, o.year,
        sum(o.value * p.weight) / sum(p.weight) as value,
        o.boundary_year,
        'berekend uit de wijken' as city_method,
        $weight_indicator as weight_indicator,
        any_value(ch.weight_year)::integer as weight_year,
        count(o.value)::integer as n_wijken
    from wijk_obs as o
    inner join chosen as ch using (indicator_code, age_group, year, boundary_year)
    inner join weights as p on p.wijk_code = o.wijk_code and p.weight_year = ch.weight_year
    group by o.indicator_code, o.age_group, o.year, o.boundary_year
    having count(o.value) = any_value(o.n_wijken)
)

select * from own
union all by name
select * from computed
