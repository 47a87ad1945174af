-- Which partners each intervention names, resolved to partner ids at build time: role 'lead' or 'partner',
-- and the name as the register wrote it. Parameters: none.
with final as (
    select ip.intervention_id, ip.partner_id, ip.role, ip.named_as
    from intervention_partners as ip
)

select * from final
order by intervention_id, role, partner_id
