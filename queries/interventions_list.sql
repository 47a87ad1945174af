-- Every intervention of the register with its theme name, for the Interventiemonitor's filters, charts and cards.
-- Lists (areas, partners, programmes, goal_indicators) stay `;`-joined as in the register.
-- Parameters: none.
with themed as (
    select
        i.intervention_id, i.name, i.description, i.areas, i.theme_id, t.name as theme_name,
        t.sort_order as theme_order, i.actielijn, i.spoor, i.lead_partner, i.partners, i.programmes,
        i.budget_eur, i.spent_eur, i.start_date::date as start_date, i.end_date::date as end_date, i.status,
        i.goal_indicators, i.monitoring_type, i.is_example
    from interventions as i
    left join themes as t on t.theme_id = i.theme_id
),

final as (
    select * from themed
)

select * from final
order by name, intervention_id
