-- The partners that own at least one goal, as named at build time. Parameters: none.
select partner_id, name, kind
from goal_partners
order by sort_order
