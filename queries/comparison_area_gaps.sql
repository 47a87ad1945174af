-- Every edition of one renewal area against the city, with the indicator's wording: the input of "Wat opvalt".
-- Parameters: $area, $age_group.
select
    g.unit_name as area_name, g.indicator_code, i.label, i.unit, i.decimals, i.polarity, i.headline, g.year,
    g.value, g.city_value, g.gap, g.disadvantage, g.prev_year, g.gap_change,
    -- the change of the disadvantage since prev_year: negative = moved forward relative to the city
    case i.polarity when 'lower_better' then g.gap_change when 'higher_better' then -g.gap_change end
        as disadvantage_change,
    g.trend, g.judgement, g.position
from gaps as g
inner join indicators as i on i.indicator_code = g.indicator_code
where g.unit_type = 'area' and g.unit_code = $area and g.age_group = $age_group
order by i.sort_order, g.year
