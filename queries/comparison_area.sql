-- The comparison group's summary and verdict for one renewal area (empty when none was built).
-- Parameters: $area.
select
    c.area_id, r.name as area_name, c.baseline_year, c.age_group, a.label as age_label, c.indicators, c.k,
    c.n_members, c.n_members_matched, c.group_size, c.mean_distance, c.max_distance, c.max_abs_smd,
    c.verdict, c.reason, c.method, c.weight_year
from comparison_areas as c
inner join renewal_areas as r on r.area_id = c.area_id
left join age_groups as a on a.age_group = c.age_group
where c.area_id = $area
