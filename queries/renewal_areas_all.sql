-- Renewal areas with their member buurten. Parameters: none.
with members as (
    select area_id, string_agg(buurt_code, ';' order by buurt_code) as buurt_codes, count(*) as n_buurten
    from area_members
    group by area_id
),

final as (
    select a.area_id, a.name, a.kind, a.programmes, a.first_year, a.cbs_wijk, a.boundary_year, a.sort_order,
        m.buurt_codes, m.n_buurten
    from renewal_areas as a
    left join members as m on m.area_id = a.area_id
)

select * from final
order by sort_order
