-- Which partners each intervention names, resolved to partner ids at build time: role 'lead' or 'partner',
-- the name as the register wrote it, and whether that name stands for several partners ('woningcorporaties').
-- Parameters: none.
with final as (
    select ip.intervention_id, ip.partner_id, ip.role, ip.named_as, ip.collective
    from intervention_partners as ip
)

select * from final
order by intervention_id, role, partner_id
