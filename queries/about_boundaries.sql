-- Boundary years per level: which years were read, how many shapes, and which year the maps use.
-- Parameters: none.
with counts as (
    select level, year, count(*) as n_shapes
    from boundaries
    group by level, year
),

final as (
    select
        c.level, string_agg(c.year::varchar || ' (' || c.n_shapes::varchar || ')', ', ' order by c.year) as years,
        any_value(m.year) as map_year
    from counts as c
    left join map_years as m on m.level = c.level
    group by c.level
)

select * from final
order by case level when 'gemeente' then 0 when 'wijk' then 1 else 2 end
