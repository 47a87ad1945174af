-- The renewal areas a page can filter on (configuration order), each with the wijk-level renewal areas it
-- contains: itself for a wijk, every renewal area sharing a buurt with it for a programme area such as
-- Groningen-Noord. Parameters: none.
with wijk_members as (
    select m.area_id, m.buurt_code
    from area_members as m
    inner join renewal_areas as a on a.area_id = m.area_id
    where a.kind <> 'programmagebied'
),

contained as (
    select distinct m.area_id, wm.area_id as member_area_id
    from area_members as m
    inner join wijk_members as wm on wm.buurt_code = m.buurt_code
),

final as (
    select
        a.area_id, a.name, a.kind, a.sort_order,
        coalesce(list(c.member_area_id order by c.member_area_id) filter (where c.member_area_id is not null),
            [a.area_id]) as member_areas
    from renewal_areas as a
    left join contained as c on c.area_id = a.area_id
    group by a.area_id, a.name, a.kind, a.sort_order
)

select * from final
order by sort_order
