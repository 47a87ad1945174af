-- One unit (renewal area or region) and the built gemeente compared with the Netherlands, for an indicator
-- with a national reference (Leefbaarometer: afw = score - the national reference), every edition.
-- Parameters: $unit_code, $indicator.
with gemeente as (
    select value as gemeente_code from build_meta where key = 'gemeente_code'
),

final as (
    select
        n.unit_type, n.unit_code, n.unit_name, n.year, n.value, n.deviation, n.national_reference,
        n.position_nl, n.city_method, n.unit_code = g.gemeente_code as is_city
    from national_comparison as n
    cross join gemeente as g
    where n.indicator_code = $indicator and (n.unit_code = $unit_code or n.unit_code = g.gemeente_code)
)

select * from final
order by is_city, year
