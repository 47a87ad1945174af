-- Start dates of the interventions that touch one unit, for markers on its trend chart. An intervention
-- touches a unit when it names the unit itself, one of the unit's buurten, or a renewal area that holds one of
-- those buurten. `aims_at_indicator` says whether the intervention names the indicator among its goals.
-- Needs the register tables `interventions` and `intervention_areas`; pages treat a failure of this query
-- (no registers) as "no markers".
-- Parameters: $unit_code, $indicator.
with unit_buurten as (
    select buurt_code from area_members where area_id = $unit_code
    union
    select region_code as buurt_code from regions where region_code = $unit_code and level = 'buurt'
    union
    select region_code as buurt_code from regions where parent_code = $unit_code and level = 'buurt'
),

touching_areas as (
    select distinct m.area_id
    from area_members as m
    inner join unit_buurten as u on u.buurt_code = m.buurt_code
),

linked as (
    select distinct ia.intervention_id
    from intervention_areas as ia
    where ia.area_id = $unit_code
        or ia.buurt_code in (select buurt_code from unit_buurten)
        or ia.area_id in (select area_id from touching_areas)
),

final as (
    select
        i.intervention_id, i.name, i.start_date::date as start_date, i.status, i.is_example,
        coalesce(list_contains(string_split(i.goal_indicators, ';'), $indicator), false) as aims_at_indicator
    from interventions as i
    inner join linked as l on l.intervention_id = i.intervention_id
    where i.start_date is not null
)

select * from final
order by start_date, name
