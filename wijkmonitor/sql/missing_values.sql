-- Why a value the sources list is missing, per region, indicator, age group and year: written into
-- `missing_values` after the observations are combined (a figure from another source wins: those keys are not
-- in missing_cells, and the ratio rates added since are the only other figures). Parameters: none.
-- reason: 'geheim' (the source publishes "." or "x", or the wijk- en buurtkaart's -99999999: secret), 'niet
-- gemeten' (an empty, "NA" or other sentinel cell of an indicator that has no figure for any region in that
-- edition: not surveyed that year), 'niet gepubliceerd' (such a cell while other regions have a figure: the
-- Leefbaarometer's "NA", a kwb -99997). `symbol` keeps the cell as the source wrote it. 'grens gewijzigd' is not stored: it is a code that the
-- data of a year do not know at all, which the map query sees directly.
create table missing_values as
with measured as (
    select distinct indicator_code, age_group, year
    from observations
),

cells as (
    select g.region_code, g.indicator_code, g.age_group, g.year, g.symbol, g.source_id
    from missing_cells as g
    where not exists (
        select 1 from rate_values as r
        where r.unit_code = g.region_code and r.indicator_code = g.indicator_code and g.age_group = 'totaal'
            and r.year = g.year and r.value is not null
    )
),

final as (
    select
        c.region_code, c.indicator_code, c.age_group, c.year,
        case
            when c.symbol in ('.', 'x', 'X') or try_cast(c.symbol as double) = -99999999 then 'geheim'
            when m.indicator_code is null then 'niet gemeten'
            else 'niet gepubliceerd'
        end as reason,
        c.symbol, c.source_id
    from cells as c
    left join measured as m
        on m.indicator_code = c.indicator_code and m.age_group = c.age_group and m.year = c.year
)

select * from final
order by region_code, indicator_code, age_group, year
