-- The indicator catalogue with what the build found for each indicator: age groups and editions (years).
-- Only indicators of the catalogue (config/indicators.toml) that have at least one value.
-- Parameters: none.
with found as (
    select
        indicator_code,
        string_agg(distinct age_group, ';' order by age_group) as age_groups,
        string_agg(distinct year::varchar, ', ' order by year::varchar) as years,
        count(*) as n_values
    from observations
    group by indicator_code
),

final as (
    select
        i.indicator_code, i.label, i.unit, i.polarity, i.aggregation, i.definition, i.source, i.licence,
        i.theme_id, t.name as theme_name, coalesce(t.sort_order, 99) as theme_order, i.sort_order,
        i.headline, f.age_groups, f.years, f.n_values
    from indicators as i
    inner join found as f on f.indicator_code = i.indicator_code
    left join themes as t on t.theme_id = i.theme_id
    where i.in_catalogue
)

select * from final
order by theme_order, sort_order
