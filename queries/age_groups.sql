-- Age groups with their Dutch labels, in display order. Parameters: none.
select age_group, label, sort_order
from age_groups
order by sort_order
