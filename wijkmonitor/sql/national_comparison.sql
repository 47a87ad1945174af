-- Comparison with the Netherlands for indicators whose source publishes the deviation from a national reference
-- (catalogue key national_deviation, e.g. Leefbaarometer `afw`), written into `national_comparison` for every
-- unit of `gaps`. position_nl judges the deviation by polarity, with the indicator's tolerance.
-- Parameters: $tolerance.
create table national_comparison as
with pairs as (
    select indicator_code, national_deviation, polarity, coalesce(tolerance, $tolerance) as tol
    from indicators
    where national_deviation is not null
),

final as (
    select
        g.unit_type, g.unit_code, g.unit_name, p.indicator_code, g.age_group, g.year, g.value,
        p.national_deviation as deviation_indicator, d.value as deviation,
        g.value - d.value as national_reference,
        case
            when p.polarity = 'neutral' then 'neutraal'
            when (case when p.polarity = 'higher_better' then d.value else -d.value end) > p.tol then 'beter'
            when (case when p.polarity = 'higher_better' then d.value else -d.value end) < -p.tol then 'slechter'
            else 'gelijk'
        end as position_nl,
        g.city_method
    from pairs as p
    inner join gaps as g on g.indicator_code = p.indicator_code
    inner join gaps as d
        on d.indicator_code = p.national_deviation and d.unit_type = g.unit_type and d.unit_code = g.unit_code
        and d.age_group = g.age_group and d.year = g.year
)

select * from final
order by indicator_code, unit_type, unit_code, year
