-- Indicators that can be compared with the city, with the age groups and years that have data.
-- Parameters: none.
with available as (
    select indicator_code, age_group, list(distinct year order by year) as years
    from gaps
    where city_value is not null
    group by indicator_code, age_group
),

final as (
    select
        i.indicator_code, i.label, i.unit, i.polarity, i.decimals, i.headline, i.definition, i.source,
        i.theme_id, t.name as theme_name, t.sort_order as theme_order, i.sort_order, i.lowest_level, i.aggregation,
        i.denominator, i.denominator_year, i.per, i.national_deviation,
        a.age_group, g.label as age_label, g.sort_order as age_order, a.years
    from available as a
    inner join indicators as i on i.indicator_code = a.indicator_code
    left join themes as t on t.theme_id = i.theme_id
    inner join age_groups as g on g.age_group = a.age_group
)

select * from final
order by theme_order nulls last, sort_order, age_order
