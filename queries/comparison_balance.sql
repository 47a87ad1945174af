-- Baseline balance of one area's comparison group: area and group side by side per matching indicator.
-- Parameters: $area.
select
    b.indicator_code, i.label, i.unit, i.decimals, b.age_group, b.year, b.area_value, b.group_value,
    b.national_mean, b.national_sd, b.smd, b.balanced
from comparison_balance as b
inner join indicators as i on i.indicator_code = b.indicator_code
where b.area_id = $area
order by i.sort_order
