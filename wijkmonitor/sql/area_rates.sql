-- Rates of the renewal areas, appended to `area_values`: the same ratio of sums as for wijken and the city,
-- over the members the area has in the numerator's boundary year, only when every member has both parts.
-- Parameters: none.
insert into area_values by name
with members as (
    select
        area_id, data_year, definition_year, buurt_code,
        count(*) over (partition by area_id, data_year) as n_members
    from area_members_by_data_year
),

parts as (
    select
        m.area_id, m.n_members, m.data_year, m.definition_year, r.indicator_code, r.year, r.numerator,
        r.denominator, r.denominator_indicator, r.denominator_year, r.per
    from members as m
    inner join rate_values as r
        on r.unit_type = 'buurt' and r.unit_code = m.buurt_code and r.boundary_year = m.data_year
)

select
    area_id, indicator_code, 'totaal' as age_group, year,
    sum(numerator) / sum(denominator) * any_value(per) as value,
    'ratio van sommen' as method,
    any_value(denominator_indicator) as weight_indicator,
    any_value(denominator_year)::integer as weight_year,
    any_value(n_members)::integer as n_members,
    count(denominator)::integer as n_used,
    data_year::integer as boundary_year,
    any_value(definition_year)::integer as definition_year,
    'buurten' as basis
from parts
group by area_id, data_year, indicator_code, year
having count(numerator) = any_value(n_members) and count(denominator) = any_value(n_members)
    and sum(denominator) > 0
