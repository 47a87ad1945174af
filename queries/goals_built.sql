-- The goals as they were at build time (goals.toml is read by the build, never by a page). Parameters: none.
select
    goal_id, title, theme_id, indicator_code, age_group, areas, all_areas, baseline_year, target_year,
    target_type, target, partners, example, note
from goals
order by sort_order
