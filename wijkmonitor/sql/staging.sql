-- Staging table for every value read from the sources, with the file and row it came from. Parameters: none.
create table staging (
    region_code varchar,
    year integer,
    indicator_code varchar,
    age_group varchar,
    value double,
    source_id varchar,
    file varchar,
    row integer,
    source_order integer,
    boundary_year integer
)
