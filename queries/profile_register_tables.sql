-- Which register tables the database holds (older files have none), so the profile only asks for what exists.
-- Parameters: none.
select table_name
from information_schema.tables
where table_name in ('interventions', 'intervention_areas', 'process_log')
order by table_name
