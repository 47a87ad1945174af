-- Rates (aggregation 'rate', e.g. crimes per 1,000 inhabitants) for buurten, wijken and the gemeente, written
-- by the build into `rate_values`: always a ratio of sums over buurten, sum(numerator) / sum(denominator) * per,
-- with the denominator taken from its stated year. A unit gets a value only when every buurt with a numerator
-- has a denominator. Parameters: none (the definitions come from the registered table _rate_specs).
create table rate_values as
with specs as (
    select * from _rate_specs
),

numerators as (
    select s.indicator_code, o.region_code as buurt_code, o.year, o.value as numerator, o.boundary_year
    from specs as s
    inner join observations as o on o.indicator_code = s.numerator and o.age_group = 'totaal'
    where o.region_code like 'BU%'
),

denominators as (
    select s.indicator_code, o.region_code as buurt_code, o.value as denominator
    from specs as s
    inner join observations as o
        on o.indicator_code = s.denominator and o.age_group = 'totaal' and o.year = s.denominator_year
    where o.region_code like 'BU%'
),

buurt_parts as (
    select n.*, d.denominator
    from numerators as n
    left join denominators as d using (indicator_code, buurt_code)
),

units as (
    select 'buurt' as unit_type, buurt_code as unit_code, * from buurt_parts
    union all
    select 'wijk' as unit_type, 'WK' || substr(buurt_code, 3, 6) as unit_code, * from buurt_parts
    union all
    select 'gemeente' as unit_type, 'GM' || substr(buurt_code, 3, 4) as unit_code, * from buurt_parts
),

summed as (
    select
        unit_type, unit_code, indicator_code, year,
        sum(numerator) as numerator,
        sum(denominator) as denominator,
        count(*)::integer as n_buurten,
        count(denominator)::integer as n_with_denominator,
        max(boundary_year)::integer as boundary_year
    from units
    group by unit_type, unit_code, indicator_code, year
),

final as (
    select
        u.unit_type, u.unit_code, u.indicator_code, u.year,
        case when u.n_with_denominator = u.n_buurten and u.denominator > 0
            then u.numerator / u.denominator * s.per end as value,
        u.numerator, s.numerator as numerator_indicator, u.denominator, s.denominator as denominator_indicator,
        s.denominator_year, s.per, u.n_buurten, u.n_with_denominator, u.boundary_year
    from summed as u
    inner join specs as s using (indicator_code)
)

select * from final
order by indicator_code, unit_type, unit_code, year
