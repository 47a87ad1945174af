-- Where each intervention works: one row per intervention and place named in the register, resolved to the
-- renewal areas of wijk level (not Groningen-Noord as a whole) it lies in. A named programme area (kind
-- 'programmagebied') resolves to every renewal area that shares a buurt with it; a named buurt to the renewal
-- area holding it (area_id null when it lies outside every renewal area), with its map point.
-- Parameters: none.
with wijk_areas as (
    select area_id, name, sort_order
    from renewal_areas
    where kind <> 'programmagebied'
),

wijk_members as (
    select m.area_id, m.buurt_code
    from area_members as m
    inner join wijk_areas as w on w.area_id = m.area_id
),

buurt_points as (
    select b.region_code as buurt_code, b.lon, b.lat
    from boundaries as b
    inner join map_years as y on y.level = b.level and y.year = b.year
    where b.level = 'buurt'
),

named_area as (
    select ia.intervention_id, ia.area_id as named_code, 'gebied' as named_kind, w.name as named_name,
        w.area_id
    from intervention_areas as ia
    inner join wijk_areas as w on w.area_id = ia.area_id
),

named_programme_area as (
    select distinct ia.intervention_id, ia.area_id as named_code, 'programmagebied' as named_kind,
        p.name as named_name, wm.area_id
    from intervention_areas as ia
    inner join renewal_areas as p on p.area_id = ia.area_id and p.kind = 'programmagebied'
    inner join area_members as pm on pm.area_id = p.area_id
    inner join wijk_members as wm on wm.buurt_code = pm.buurt_code
),

named_buurt as (
    select ia.intervention_id, ia.buurt_code as named_code, 'buurt' as named_kind,
        coalesce(r.name, ia.buurt_code) as named_name, wm.area_id
    from intervention_areas as ia
    left join wijk_members as wm on wm.buurt_code = ia.buurt_code
    left join regions as r on r.region_code = ia.buurt_code
    where ia.buurt_code is not null
),

named as (
    select * from named_area
    union all
    select * from named_programme_area
    union all
    select * from named_buurt
),

final as (
    select
        n.intervention_id, n.named_code, n.named_kind, n.named_name, n.area_id, w.name as area_name,
        w.sort_order as area_order, bp.lon as buurt_lon, bp.lat as buurt_lat
    from named as n
    left join wijk_areas as w on w.area_id = n.area_id
    left join buurt_points as bp on bp.buurt_code = n.named_code and n.named_kind = 'buurt'
)

select * from final
order by intervention_id, area_order nulls last, named_code
