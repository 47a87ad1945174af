"""The combined observations of a build, cached between builds whose sources and settings are all unchanged.

Merging the staged cells (one value per region, year, indicator and age group, first source wins, conflicts
refused) costs a national build most of its time: a group-by and a sort over ~3.7 million rows. Its result
depends only on the staged cache entries (each named by its file's SHA-256, its settings and the adapter code,
see `source_cache`), their order and boundary years, the indicator aliases, the list of percentage indicators
(the 0-100 check) and the code of the merge itself. When all of those are unchanged, the build's database file
starts as a copy of the small database the last such build wrote (`observations` and `missing_cells`).

A refused merge (a conflict, a percentage out of range) raises before anything is written, so every refusal
still happens on every build. A source only in memory (its cache entry could not be written) disables this
cache for that build.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import duckdb

from wijkmonitor.build_steps import source_cache

# Bump when the layout of an entry changes.
CACHE_VERSION = 1
# A few builds side by side (Groningen, national, test fixtures); the least recently used go first.
MAX_ENTRIES = 8
_CODE_FILES = ("build.py", "build_steps/source_cache.py", "build_steps/combined_cache.py", "sql/staging*.sql",
               "sql/observations*.sql", "sql/missing_insert.sql", "sql/missing_cells.sql")


@cache
def _code_hash() -> str:
    return source_cache.files_hash(_CODE_FILES)


def key(entries: Sequence[tuple[str | None, str, int | None]], aliases: dict[str, str],
        percent_codes: Sequence[str]) -> str | None:
    """The cache key over (entry key, source id, boundary year) per staged source in order; None when a source
    has no cache entry."""
    if any(entry_key is None for entry_key, _, _ in entries):
        return None
    payload = [CACHE_VERSION, _code_hash(), source_cache.code_hash(), list(map(list, entries)),
               sorted(aliases.items()), sorted(percent_codes)]
    return hashlib.sha256(json.dumps(payload).encode()).hexdigest()[:24]


@dataclass
class Merged:
    """The combined cache's name for this build (None: not cacheable) and, when the new database file started as
    a copy of it, the number of identical duplicates that merge counted (None: merge anew)."""

    name: str | None
    duplicates: int | None = None


def _files(name: str) -> tuple[Path, Path]:
    directory = source_cache.cache_dir()
    return directory / f"combined-{name}.duckdb", directory / f"combined-{name}.json"


def restore(name: str | None, target: Path) -> int | None:
    """Start the build's database file as a copy of the cached one (tables `observations` and `missing_cells`,
    nothing else): a file copy costs a fraction of reading 3.6 million rows back. Returns the number of merged
    identical duplicates, or None (nothing written) when the cache does not hold this build."""
    if name is None:
        return None
    database, side = _files(name)
    try:
        duplicates = int(json.loads(side.read_text(encoding="utf-8"))["identical_duplicates"])
        shutil.copyfile(database, target)
        os.utime(side)
    except (OSError, ValueError, KeyError, TypeError):
        target.unlink(missing_ok=True)
        return None
    return duplicates


def store(con: duckdb.DuckDBPyConnection, name: str | None, identical_duplicates: int) -> None:
    """Copy the merged tables into a database file of their own beside its final name and rename it; the JSON
    (written last) marks the entry complete. A cache that cannot be written only costs speed, so errors are
    swallowed."""
    if name is None:
        return
    database, side = _files(name)
    suffix = f".tmp-{os.getpid()}"
    tmp = database.with_name(database.name + suffix)
    try:
        database.parent.mkdir(parents=True, exist_ok=True)
        tmp.unlink(missing_ok=True)
        # The observations are sorted for the page lookups: keep that order in the copy.
        con.execute("set preserve_insertion_order = true")
        # ATTACH takes no bound parameters; the path is ours (cache directory, hex name, pid), quoted anyway.
        con.execute(f"attach '{str(tmp).replace(chr(39), chr(39) * 2)}' as combined_store")
        try:
            con.execute("create table combined_store.observations as select * from observations")
            con.execute("create table combined_store.missing_cells as select * from missing_cells")
            con.execute("checkpoint combined_store")
        finally:
            con.execute("detach combined_store")
        os.replace(tmp, database)
        tmp_side = side.with_name(side.name + suffix)
        tmp_side.write_text(json.dumps({"identical_duplicates": identical_duplicates}), encoding="utf-8")
        os.replace(tmp_side, side)
        _prune(database.parent)
    except (OSError, duckdb.Error):
        for leftover in (database, side, tmp, tmp.with_name(tmp.name + ".wal")):
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
        side.with_suffix(".duckdb").unlink(missing_ok=True)
