-- What each theme has in the build: one row per catalogue indicator with figures (levels, years, newest
-- edition), or one row with has_figures false, the sources that would fill it and a Dutch note. Themes (goal_id
-- null) and goals (goal_id set), in theme and catalogue order, with the theme's and goal's name.
-- Parameters: none.
with rows as (
    select
        c.theme_id, t.name as theme_name, t.nplv, t.sort_order as theme_order, c.goal_id, g.title as goal_title,
        c.indicator_code, i.label, c.levels, c.years, c.first_year, c.newest_year, c.has_figures,
        c.wanted_sources, c.note, c.sort_order
    from coverage as c
    left join themes as t on t.theme_id = c.theme_id
    left join goals as g on g.goal_id = c.goal_id
    left join indicators as i on i.indicator_code = c.indicator_code
)

select * from rows
order by goal_id is not null, theme_order nulls last, goal_id, sort_order
