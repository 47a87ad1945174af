-- Label, unit, polarity and decimals of one indicator, for sentences and axes.
-- Parameters: $indicator.
select indicator_code, label, unit, polarity, decimals
from indicators
where indicator_code = $indicator
