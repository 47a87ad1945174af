-- Staging table for every cell a source lists without a figure (see adapters.MISSING_COLUMNS). Parameters: none.
create table missing_staging (
    region_code varchar,
    year integer,
    indicator_code varchar,
    age_group varchar,
    symbol varchar,
    source_id varchar
)
