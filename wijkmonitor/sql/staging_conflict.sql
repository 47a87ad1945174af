-- The rows behind the first key published twice with different values, in source order. Parameters: none.
with conflict as (
    select region_code, year, indicator_code, age_group
    from observations_grouped
    where n > 1 and spread > 1e-9
    order by region_code, year, indicator_code, age_group
    limit 1
),

final as (
    select s.region_code, s.year, s.indicator_code, s.age_group, s.value, s.part, s.row
    from staging as s
    inner join conflict as c using (region_code, year, indicator_code, age_group)
    where s.value is not null
    order by s.part, s.row
)

select * from final
