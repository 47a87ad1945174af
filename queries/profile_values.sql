-- A unit's latest edition of every indicator compared with the city, with the previous edition for the
-- ontwikkelkompas (the unit's change set against the city's change over the same period). Editions without a
-- city figure are left to profile_context (key figures).
-- Parameters: $unit_code (renewal area id, wijk code or buurt code).
with unit as (
    select *
    from gaps
    where unit_code = $unit_code
),

latest as (
    select indicator_code, age_group, max(year) as year
    from unit
    where city_value is not null
    group by indicator_code, age_group
),

current_edition as (
    select u.*
    from unit as u
    inner join latest as l on l.indicator_code = u.indicator_code and l.age_group = u.age_group
        and l.year = u.year
),

previous_edition as (
    select indicator_code, age_group, year, value, city_value, disadvantage
    from unit
),

final as (
    select
        -- what
        c.indicator_code, i.label, i.unit, i.polarity, i.decimals, i.definition, i.source, i.licence,
        i.theme_id, t.name as theme_name, coalesce(t.sort_order, 99) as theme_order,
        i.sort_order as indicator_order, c.age_group, a.label as age_label, a.sort_order as age_order,
        -- the latest edition against the city
        c.unit_type, c.unit_name, c.year, c.value, c.city_value, c.gap, c.disadvantage, c.position,
        -- the change since the previous edition, the unit's and the city's
        c.prev_year, p.value as prev_value, p.city_value as prev_city_value,
        c.value - p.value as change, c.city_value - p.city_value as city_change,
        c.gap_change as relative_change, -(c.disadvantage - p.disadvantage) as relative_gain, c.judgement,
        -- how an area value was made
        c.method, c.weight_indicator, c.weight_year, c.n_members, c.n_used
    from current_edition as c
    left join previous_edition as p
        on p.indicator_code = c.indicator_code and p.age_group = c.age_group and p.year = c.prev_year
    inner join indicators as i on i.indicator_code = c.indicator_code
    left join themes as t on t.theme_id = i.theme_id
    inner join age_groups as a on a.age_group = c.age_group
)

select * from final
order by theme_order, indicator_order, age_order
