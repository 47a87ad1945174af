-- Every wijk or buurt of the built gemeente for one indicator, age group and year: its figures (when it has
-- them) and its boundary in the map year of that level (when there is one). A region with a boundary but no
-- value stays in ("geen gegevens" on the map); a region with a value but no boundary in the map year stays
-- in too, so the table beside the map is complete even when the map is not.
-- missing_reason says why a region has no value: 'geheim' / 'niet gepubliceerd' / 'niet gemeten' (missing_values),
-- 'grens gewijzigd' (the data of this year do not know the code), 'niet gemeten' (no region has a figure), else
-- 'geen gegevens'.
-- Parameters: $indicator, $age_group, $year, $level.
with gemeente as (
    select value as gemeente_code from build_meta where key = 'gemeente_code'
),

map_year as (
    select year from map_years where level = $level
),

shapes as (
    select b.region_code, b.name, b.geojson, b.lon, b.lat, b.year as boundary_year
    from boundaries as b
    inner join map_year as m on m.year = b.year
    where b.level = $level
),

figures as (
    select
        g.unit_code as region_code, g.unit_name, g.value, g.city_value, g.gap, g.gap_rel, g.disadvantage,
        g.prev_year, g.prev_gap, g.gap_change, g.trend, g.kloof, g.judgement, g.position, g.prev_position,
        g.is_small, g.population, g.population_year, g.city_method, g.trend_break
    from gaps as g
    inner join gemeente as c on c.gemeente_code = g.gemeente_code
    where g.unit_type = $level and g.indicator_code = $indicator and g.age_group = $age_group
        and g.year = $year
),

reasons as (
    select region_code, reason
    from missing_values
    where indicator_code = $indicator and age_group = $age_group and year = $year
),

known_codes as (
    select distinct region_code from observations where year = $year
    union
    select distinct region_code from missing_values where year = $year
),

measured as (
    select count(*) as n
    from observations
    where indicator_code = $indicator and age_group = $age_group and year = $year
),

final as (
    select
        coalesce(s.region_code, f.region_code) as region_code,
        coalesce(r.name, s.name, f.unit_name, coalesce(s.region_code, f.region_code)) as name,
        s.geojson, s.lon, s.lat, s.boundary_year,
        f.* exclude (region_code, unit_name),
        case
            when f.value is not null then null
            when q.reason is not null then q.reason
            when (select n from measured) = 0 then 'niet gemeten'
            when k.region_code is null then 'grens gewijzigd'
            else 'geen gegevens'
        end as missing_reason
    from shapes as s
    full outer join figures as f on f.region_code = s.region_code
    left join regions as r on r.region_code = coalesce(s.region_code, f.region_code)
    left join reasons as q on q.region_code = coalesce(s.region_code, f.region_code)
    left join known_codes as k on k.region_code = coalesce(s.region_code, f.region_code)
)

select * from final
order by region_code
