-- Every result of every intervention (value and/or target per period), for results against targets.
-- Parameters: none.
select
    r.intervention_id, r.period, r.period_start::date as period_start, r.period_end::date as period_end, r.year,
    r.measure, r.value, r.target, r.unit, r.source, r.is_example
from intervention_results as r
order by r.intervention_id, r.measure, r.period_end, r.period
