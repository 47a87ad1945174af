-- Dutch labels of the indicator codes interventions name as their goals. Parameters: none.
select indicator_code, label, unit
from indicators
order by indicator_code
