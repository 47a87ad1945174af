-- Source files of the build with checksums and counts. Parameters: none.
select source_id, adapter, path, sha256, rows, "values"
from build_sources
order by source_id, path
