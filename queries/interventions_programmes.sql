-- Every funding programme (configuration order) with the interventions that name it: one row per programme
-- and intervention, or one row with a null intervention_id for a programme no intervention names.
-- budget_eur here is the programme's own total from the programme documents (null when unknown).
-- Parameters: none.
with programme_list as (
    select programme_id, name, kind, period, budget_eur, budget_note,
        row_number() over () as programme_order
    from programmes
),

final as (
    select
        p.programme_id, p.name as programme_name, p.kind, p.period, p.budget_eur as programme_budget_eur,
        p.budget_note, p.programme_order, ip.intervention_id
    from programme_list as p
    left join intervention_programmes as ip on ip.programme_id = p.programme_id
)

select * from final
order by programme_order, intervention_id nulls first
