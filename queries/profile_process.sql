-- Process activities (process log) in a unit: for one of its buurten, the unit itself, or a renewal area that
-- shares a buurt with it. Parameters: $unit_code (renewal area id, wijk code or buurt code).
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

final as (
    select
        p.date, p.area, p.activity_type, p.participants, p.residents_reached, p.lived_experience_roles,
        p.raised, p.action, p.action_status, p.decision_or_intervention_id, p.lessons, p.is_example
    from process_log as p
    where p.buurt_code in (select buurt_code from unit_buurten)
        or p.area_id in (select area_id from unit_areas)
)

select * from final
order by date desc
