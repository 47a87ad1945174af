-- Every activity of the process log, placed in a renewal area: the one the register names, or the wijk-level
-- renewal area holding the named buurt (a buurt outside every renewal area keeps its own code and name).
-- intervention_name is set when the activity led to a known intervention.
-- Parameters: none.
with wijk_members as (
    select m.area_id, m.buurt_code
    from area_members as m
    inner join renewal_areas as a on a.area_id = m.area_id
    where a.kind <> 'programmagebied'
),

placed as (
    select
        p.*,
        coalesce(p.area_id, wm.area_id, p.buurt_code, p.area) as area_key,
        coalesce(r.name, p.buurt_code) as buurt_name
    from process_log as p
    left join wijk_members as wm on wm.buurt_code = p.buurt_code and p.area_id is null
    left join regions as r on r.region_code = p.buurt_code
),

final as (
    select
        p.date::date as date, year(p.date) as year, p.area, p.area_key,
        coalesce(a.name, p.buurt_name, p.area_key) as area_name, a.sort_order as area_order,
        p.buurt_code, p.buurt_name, p.activity_type, p.participants, p.residents_reached,
        p.lived_experience_roles, p.raised, p.action, p.decision_or_intervention_id, p.intervention_id,
        i.name as intervention_name, p.action_status, p.lessons, p.is_example
    from placed as p
    left join renewal_areas as a on a.area_id = p.area_key
    left join interventions as i on i.intervention_id = p.intervention_id
)

select * from final
order by date, area_order nulls last, activity_type
