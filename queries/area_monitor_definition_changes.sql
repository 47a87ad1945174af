-- Every change of territory between two boundary years of a unit (wijk, gemeente or renewal area), with its
-- Dutch note: the trend breaks that charts, tables and sentences mark. Parameters: none.
select unit_type, unit_code, from_year, to_year, note
from definition_changes
order by unit_type, unit_code, from_year
