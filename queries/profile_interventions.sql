-- Interventions in a unit: registered for one of its buurten, for the unit itself, or for a renewal area that
-- shares a buurt with it (so a buurt also shows what runs in its renewal area and in Groningen-Noord).
-- Parameters: $unit_code (renewal area id, wijk code or buurt code).
with unit_buurten as (
    select buurt_code from area_members where area_id = $unit_code
    union
    select region_code from regions where level = 'buurt' and (region_code = $unit_code or parent_code = $unit_code)
),

unit_areas as (
    select distinct m.area_id
    from area_members as m
    inner join unit_buurten as b on b.buurt_code = m.buurt_code
),

linked as (
    select distinct ia.intervention_id
    from intervention_areas as ia
    where ia.buurt_code in (select buurt_code from unit_buurten)
        or ia.area_id in (select area_id from unit_areas)
),

final as (
    select
        i.intervention_id, i.name, i.description, i.areas, i.theme_id, t.name as theme_name, i.actielijn,
        i.spoor, i.lead_partner, i.partners, i.programmes, i.budget_eur, i.spent_eur, i.start_date,
        i.end_date, i.status, i.is_example
    from interventions as i
    inner join linked as l on l.intervention_id = i.intervention_id
    left join themes as t on t.theme_id = i.theme_id
)

select * from final
order by start_date nulls last, name
