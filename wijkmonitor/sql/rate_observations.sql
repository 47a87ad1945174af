-- The region rates of rate_values become observations, so maps and tables read them like any figure.
-- Parameters: none.
insert into observations
select unit_code, year, indicator_code, 'totaal', value, 'ratio van sommen', boundary_year
from rate_values
where value is not null
