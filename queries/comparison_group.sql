-- The buurten of one area's comparison group, nearest first.
-- Parameters: $area.
select buurt_code, name, gemeente_code, gemeente_name, wijk_code, wijk_name, wijk_name_year, label, matched_to,
    distance, rank, weight
from comparison_groups
where area_id = $area
order by rank
