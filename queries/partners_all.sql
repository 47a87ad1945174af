-- The partner list from config/partners.toml (configuration order); `register_names` holds the spellings
-- the registers use, joined by ';'. Parameters: none.
with final as (
    select partner_id, name, kind, register_names, sort_order
    from partners
)

select * from final
order by sort_order
