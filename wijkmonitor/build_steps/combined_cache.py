"""The combined observations of a build, cached between builds whose sources and settings are all unchanged.

Merging the staged cells (one value per region, year, indicator and age group, first source wins, conflicts
refused) costs a national build most of its time: a group-by and a sort over ~3.7 million rows. Its result
depends only on the staged cache entries (each named by its file's SHA-256, its settings and the adapter code,
see `source_cache`), their order and boundary years, the indicator aliases, the list of percentage indicators
(the 0-100 check) and the code of the merge itself. When all of those are unchanged, the build reads the
`observations` table and the missing cells straight from the Parquet files written by the last such build.

A refused merge (a conflict, a percentage out of range) raises before anything is written, so every refusal
still happens on every build. A source only in memory (its cache entry could not be written) disables this
cache for that build.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import duckdb

from wijkmonitor.build_steps import source_cache

# Bump when the layout of an entry changes.
CACHE_VERSION = 1
# A few builds side by side (Groningen, national, test fixtures); the least recently used go first.
MAX_ENTRIES = 8
_PACKAGE = Path(__file__).resolve().parent.parent
_CODE_FILES = ("build.py", "build_steps/source_cache.py", "build_steps/combined_cache.py", "sql/staging*.sql",
               "sql/observations*.sql", "sql/missing_insert.sql", "sql/missing_cells.sql")


@cache
def _code_hash() -> str:
    digest = hashlib.sha256()
    for pattern in _CODE_FILES:
        for path in sorted(_PACKAGE.glob(pattern)):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def key(entries: Sequence[tuple[str | None, str, int | None]], aliases: dict[str, str],
        percent_codes: Sequence[str]) -> str | None:
    """The cache key over (entry key, source id, boundary year) per staged source in order; None when a source
    has no cache entry."""
    if any(entry_key is None for entry_key, _, _ in entries):
        return None
    payload = [CACHE_VERSION, _code_hash(), source_cache.code_hash(), list(map(list, entries)),
               sorted(aliases.items()), sorted(percent_codes)]
    return hashlib.sha256(json.dumps(payload).encode()).hexdigest()[:24]


def _files(name: str) -> tuple[Path, Path, Path]:
    directory = source_cache.cache_dir()
    return (directory / f"combined-{name}.parquet", directory / f"combined-{name}-missing.parquet",
            directory / f"combined-{name}.json")


def load(con: duckdb.DuckDBPyConnection, name: str | None) -> int | None:
    """Create `observations` and the temp table `missing_cells` from the cache; returns the number of merged
    identical duplicates, or None (nothing created) when the cache does not hold this build."""
    if name is None:
        return None
    observations, missing, side = _files(name)
    try:
        merged = int(json.loads(side.read_text(encoding="utf-8"))["identical_duplicates"])
        if not (observations.exists() and missing.exists()):
            return None
        os.utime(side)
        # The file is sorted for the page lookups: keep that order while reading it back.
        con.execute("set preserve_insertion_order = true")
        con.execute("create table observations as select * from read_parquet($file)", {"file": str(observations)})
        con.execute("create temp table missing_cells as select * from read_parquet($file)", {"file": str(missing)})
    except (OSError, ValueError, KeyError, duckdb.IOException):
        con.execute("drop table if exists observations")
        con.execute("drop table if exists missing_cells")
        return None
    finally:
        con.execute("reset preserve_insertion_order")
    return merged


def store(con: duckdb.DuckDBPyConnection, name: str | None, identical_duplicates: int) -> None:
    """Write the merged tables beside their final names and rename them; the JSON (last) marks the entry complete.
    A cache that cannot be written only costs speed, so errors are swallowed."""
    if name is None:
        return
    observations, missing, side = _files(name)
    suffix = f".tmp-{os.getpid()}"
    try:
        observations.parent.mkdir(parents=True, exist_ok=True)
        con.execute("set preserve_insertion_order = true")
        for table, target in (("observations", observations), ("missing_cells", missing)):
            tmp = target.with_name(target.name + suffix)
            # COPY takes no bound parameters; the path is ours (cache directory, hex name, pid).
            con.execute(f"copy {table} to '{tmp}' (format parquet)")
            os.replace(tmp, target)
        tmp = side.with_name(side.name + suffix)
        tmp.write_text(json.dumps({"identical_duplicates": identical_duplicates}), encoding="utf-8")
        os.replace(tmp, side)
        _prune(observations.parent)
    except (OSError, duckdb.Error):
        for leftover in (observations, missing, side):
            leftover.unlink(missing_ok=True)
    finally:
        con.execute("reset preserve_insertion_order")


def _prune(directory: Path) -> None:
    entries = sorted(directory.glob("combined-*.json"), key=lambda p: p.stat().st_mtime)
    cutoff = time.time() - source_cache.IN_USE_SECONDS  # another build may be reading it right now
    for side in entries[:-MAX_ENTRIES]:
        if side.stat().st_mtime > cutoff:
            break
        side.unlink(missing_ok=True)
        side.with_suffix(".parquet").unlink(missing_ok=True)
        side.with_name(side.stem + "-missing.parquet").unlink(missing_ok=True)
