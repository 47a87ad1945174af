-- The indicator catalogue as goals need it: polarity and aggregation to check goals.toml; label, unit and
-- decimals to describe targets. Parameters: none.
select
    indicator_code, label, unit, polarity, aggregation, decimals, theme_id, source, licence
from indicators
order by indicator_code
