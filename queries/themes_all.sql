-- All themes in configuration order. Parameters: none.
select theme_id, name, subgoals, nplv, sort_order
from themes
order by sort_order
