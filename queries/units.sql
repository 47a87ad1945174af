-- Everything the Gebiedsmonitor can show a trend for: the renewal areas (in configuration order), then the
-- wijken and buurten of the built gemeente. `unit_code` is an area id or a CBS region code.
-- Parameters: none.
with gemeente as (
    select value as gemeente_code from build_meta where key = 'gemeente_code'
),

areas as (
    select
        area_id as unit_code, name as unit_name, 'area' as unit_type, kind, 0 as type_order,
        sort_order
    from renewal_areas
),

regions_of_gemeente as (
    select
        r.region_code as unit_code, r.name as unit_name, r.level as unit_type, null as kind,
        case r.level when 'wijk' then 1 else 2 end as type_order, 0 as sort_order
    from regions as r
    inner join gemeente as g on g.gemeente_code = r.gemeente_code
    where r.level in ('wijk', 'buurt')
),

final as (
    select * from areas
    union all
    select * from regions_of_gemeente
)

select unit_code, unit_name, unit_type, kind
from final
order by type_order, sort_order, unit_name, unit_code
