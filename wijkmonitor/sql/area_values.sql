-- Area value of every renewal area from its member buurten, written by the build into `area_values`.
-- Parameters: $weight_indicator (the population indicator used as weight, e.g. AantalInwoners).
-- The members are those the area has in the boundary year of each value (area_members_by_data_year).
-- Percentages (aggregation weighted_mean) are weighted with the population of the year nearest to the
-- observation year in which every member buurt has a population figure (ties: the earlier year); when no such
-- year exists the plain mean, flagged 'ongewogen'. Counts (aggregation sum) are summed only when every member
-- buurt has a value. Rates and wijk-only sources are added by area_rates.sql and area_values_wijken.sql.
create table area_values as
with members as (
    select
        area_id, data_year, definition_year, buurt_code,
        count(*) over (partition by area_id, data_year) as n_members
    from area_members_by_data_year
),

member_obs as (
    select
        m.area_id, m.buurt_code, m.n_members, m.data_year, m.definition_year,
        o.indicator_code, o.age_group, o.year, o.value, i.aggregation
    from members as m
    inner join observations as o on o.region_code = m.buurt_code and o.boundary_year = m.data_year
    inner join indicators as i on i.indicator_code = o.indicator_code
    where i.aggregation in ('weighted_mean', 'sum')
),

weights as (
    select region_code as buurt_code, year as weight_year, value as weight
    from observations
    where indicator_code = $weight_indicator and age_group = 'totaal' and value > 0
),

complete_weight_years as (
    select m.area_id, m.data_year, w.weight_year
    from members as m
    inner join weights as w on w.buurt_code = m.buurt_code
    group by m.area_id, m.data_year, w.weight_year
    having count(*) = any_value(m.n_members)
),

cells as (
    select distinct area_id, data_year, indicator_code, age_group, year, aggregation from member_obs
),

chosen as (
    select
        c.area_id, c.data_year, c.indicator_code, c.age_group, c.year, c.aggregation,
        arg_min(wy.weight_year, abs(wy.weight_year - c.year) * 10000 + wy.weight_year) as weight_year
    from cells as c
    left join complete_weight_years as wy on wy.area_id = c.area_id and wy.data_year = c.data_year
    group by all
),

joined as (
    select mo.*, ch.weight_year, w.weight
    from member_obs as mo
    inner join chosen as ch using (area_id, data_year, indicator_code, age_group, year)
    left join weights as w on w.buurt_code = mo.buurt_code and w.weight_year = ch.weight_year
),

final as (
    select
        area_id,
        indicator_code,
        age_group,
        year,
        case
            when aggregation = 'sum' then case when count(value) = any_value(n_members) then sum(value) end
            when any_value(weight_year) is not null then sum(value * weight) / sum(weight)
            else avg(value)
        end as value,
        case
            when aggregation = 'sum' then 'som'
            when any_value(weight_year) is not null then 'gewogen'
            else 'ongewogen'
        end as method,
        case when aggregation = 'weighted_mean' and any_value(weight_year) is not null
            then $weight_indicator end as weight_indicator,
        case when aggregation = 'weighted_mean' then any_value(weight_year) end::integer as weight_year,
        any_value(n_members)::integer as n_members,
        count(value)::integer as n_used,
        data_year::integer as boundary_year,
        any_value(definition_year)::integer as definition_year,
        'buurten' as basis
    from joined
    group by area_id, data_year, indicator_code, age_group, year, aggregation
)

select * from final
where value is not null
