-- Build metadata (when, from what, for which gemeente). Parameters: none.
select key, value
from build_meta
order by key
