-- Every region of one level with its gap to the city, and its boundary from the map year of that level.
-- Regions without a value keep their boundary (value null), so the map can draw them as "geen gegevens".
-- Parameters: $indicator, $age_group, $year, $level.
with map_year as (
    select year from map_years where level = $level
),

shapes as (
    select b.region_code, b.name, b.geojson, b.lon, b.lat, b.year as boundary_year
    from boundaries as b
    inner join map_year as m on m.year = b.year
    where b.level = $level
),

figures as (
    select unit_code, value, city_value, gap, gap_rel, disadvantage, prev_year, prev_gap, trend, judgement,
        position
    from gaps
    where unit_type = $level and indicator_code = $indicator and age_group = $age_group and year = $year
),

final as (
    select s.region_code, s.name, s.geojson, s.lon, s.lat, s.boundary_year, f.* exclude (unit_code)
    from shapes as s
    left join figures as f on f.unit_code = s.region_code
)

select * from final
order by region_code
