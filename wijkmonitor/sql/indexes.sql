-- Indexes for the lookups every page makes (no parameters). The build runs each statement separately.
create index gaps_lookup on gaps (indicator_code, age_group, year);
create index gaps_unit on gaps (unit_code);
create index obs_lookup on observations (indicator_code, age_group, year)
