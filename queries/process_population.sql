-- Number of inhabitants (all ages: CBS AantalInwoners summed over the area's buurten, method 'som') of every
-- renewal area in the latest year with a complete sum, as the base to compare the reach of the process with.
-- Areas without such a sum get no row. Parameters: none.
with sums as (
    select v.area_id, v.year, v.value, v.n_members, v.n_used
    from area_values as v
    where v.indicator_code = 'AantalInwoners' and v.age_group = 'totaal' and v.method = 'som'
        and v.n_used = v.n_members
),

final as (
    select s.area_id, s.year, s.value as inhabitants, s.n_members, s.n_used
    from sums as s
    qualify row_number() over (partition by s.area_id order by s.year desc) = 1
)

select * from final
order by area_id
