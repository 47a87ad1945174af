-- Staging table for every cell read from the sources: a value, or (value null) a cell listed without a figure
-- with its CBS symbol ("." / "x", "" for empty). A temp table: it lives only during the build and is never
-- compressed to disk. `part` numbers the build's (source, file) pairs in source order (the build's `_parts`:
-- source id, boundary year, file): one path string per row would cost memory and time. Parameters: none.
create temp table staging (
    region_code varchar,
    year integer,
    indicator_code varchar,
    age_group varchar,
    value double,
    symbol varchar,
    row integer,
    part smallint
)
