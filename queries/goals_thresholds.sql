-- The status thresholds of goals.toml at build time (one row). Parameters: none.
select goals_on_track as on_track, goals_at_risk as at_risk
from build_info
