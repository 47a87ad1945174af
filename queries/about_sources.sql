-- The files the build read, relative to the source folder, with checksum and counts. Parameters: none.
with source_dir as (
    select value as dir from build_meta where key = 'source'
),

final as (
    select
        b.source_id, b.adapter,
        case when starts_with(b.path, s.dir || '/') then substr(b.path, length(s.dir) + 2) else b.path end as path,
        b.sha256, b.rows, b."values"
    from build_sources as b
    cross join source_dir as s
)

select * from final
order by source_id, path
