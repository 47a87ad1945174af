-- Facts of the comparison step (source, pool counts, the limits the verdicts used), as key and value.
-- Parameters: none.
select key, value
from comparison_meta
order by key
