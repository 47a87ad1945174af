-- The partner list from config/partners.toml (configuration order); `members` holds a group's member ids
-- joined by ';'. Parameters: none.
with final as (
    select partner_id, name, kind, members, sort_order
    from partners
)

select * from final
order by sort_order
