-- Every unit a profile can be made for: renewal areas, wijken and buurten with figures compared with the city.
-- A buurt or wijk carries its parent's name so that the list can say where it lies.
-- Parameters: none.
with with_data as (
    select distinct unit_type, unit_code
    from gaps
    where unit_type in ('area', 'wijk', 'buurt')
),

areas as (
    select 'area' as unit_type, a.area_id as unit_code, a.name, a.kind, null as parent_code,
        null as parent_name, 0 as level_order, a.sort_order
    from renewal_areas as a
),

regions_named as (
    select
        r.level as unit_type, r.region_code as unit_code, r.name, r.level as kind, r.parent_code,
        p.name as parent_name,
        case r.level when 'wijk' then 1 else 2 end as level_order,
        0 as sort_order
    from regions as r
    left join regions as p on p.region_code = r.parent_code
    where r.level in ('wijk', 'buurt')
),

final as (
    select u.*
    from (select * from areas union all select * from regions_named) as u
    inner join with_data as d on d.unit_type = u.unit_type and d.unit_code = u.unit_code
)

select * from final
order by level_order, sort_order, unit_code
