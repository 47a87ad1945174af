-- How each renewal area's percentages were made from its buurten: weighted (population, which year) or
-- unweighted (no population figure for every member buurt, e.g. Ten Boer). Parameters: none.
with methods as (
    select
        v.area_id,
        count(*) filter (where v.method = 'gewogen') as n_weighted,
        count(*) filter (where v.method = 'ongewogen') as n_unweighted,
        string_agg(distinct v.weight_year::varchar, ', ' order by v.weight_year::varchar) as weight_years,
        any_value(v.weight_indicator) filter (where v.weight_indicator is not null) as weight_indicator,
        max(v.n_members) as n_members,
        min(v.n_used) as min_used
    from area_values as v
    where v.method in ('gewogen', 'ongewogen')
    group by v.area_id
),

final as (
    select a.area_id, a.name, a.kind, a.sort_order, m.*  exclude (area_id)
    from renewal_areas as a
    inner join methods as m on m.area_id = a.area_id
)

select * from final
order by sort_order
