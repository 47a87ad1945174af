"""Parsed source files, cached between builds under the file's content hash.

Parsing dominates a build (the national RIVM XLSX files take seconds each), while the files rarely change. An
entry holds exactly what the adapter returned (observations and missing cells as Parquet, with the file path as
a number into a list; the rest as JSON) and is found by a key
over everything the result depends on: the file's SHA-256 and path, the adapter and its settings from
sources.toml, the gemeente filter, the indicator aliases, the SHA-256 of any DataProperties file, and the bytes of
the adapter code itself. A changed file, setting or adapter therefore never meets an old entry; a refused file is
never cached (the adapter raises before anything is written), so every refusal still happens on every build.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from wijkmonitor.adapters import MISSING_COLUMNS, OBSERVATION_COLUMNS, SourceFrame, empty_observations
from wijkmonitor.adapters.checks import Note

# Bump when the layout of an entry changes.
CACHE_VERSION = 2
# Enough for every source of a few builds (Groningen, national, test fixtures); the oldest are removed first.
MAX_ENTRIES = 256
IN_USE_SECONDS = 3600  # an entry touched this recently is never pruned
_PACKAGE = Path(__file__).resolve().parent.parent
# The code whose output is cached: any edit here makes every entry unreachable.
_CODE_FILES = ("adapters/*.py", "cbs.py", "fetch/regions.py", "build.py", "build_steps/source_cache.py")


def compact(frame: SourceFrame) -> SourceFrame:
    """Categorical codes: a national table repeats a few thousand strings millions of times."""
    obs = frame.observations
    for column in ("region_code", "indicator_code", "age_group", "source_id", "file"):
        obs[column] = obs[column].astype("category")
    frame.observations = obs.astype({"year": "int32", "row": "int32"})
    return frame


def cache_dir() -> Path:
    """`WIJKMONITOR_CACHE` overrides data/cache/ (git-ignored); the same folder as the comparison pool."""
    value = os.environ.get("WIJKMONITOR_CACHE")
    return Path(value) if value else _PACKAGE.parent / "data" / "cache"


def files_hash(patterns: tuple[str, ...]) -> str:
    """One digest of the package files matching `patterns`: a cache made by other code is never reused."""
    digest = hashlib.sha256()
    for pattern in patterns:
        for path in sorted(_PACKAGE.glob(pattern)):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


@cache
def code_hash() -> str:
    return files_hash(_CODE_FILES)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def entry_key(path: Path, sha256: str, settings: dict[str, Any]) -> tuple[str, str]:
    """(slot, key): the slot names the file and settings (one entry per slot is kept), the key adds the content
    and the code."""
    # The path as given too: the adapters write it into every row (`file`), for the messages.
    slot = hashlib.sha256(json.dumps([str(path), str(path.resolve()), settings], sort_keys=True,
                                     default=str).encode())
    key = hashlib.sha256(json.dumps([CACHE_VERSION, code_hash(), slot.hexdigest(), sha256]).encode())
    return slot.hexdigest()[:16], key.hexdigest()[:24]


def _files(slot: str, key: str) -> tuple[Path, Path, Path]:
    directory = cache_dir()
    stem = f"src-{slot}-{key}"
    return directory / f"{stem}.parquet", directory / f"{stem}-missing.parquet", directory / f"{stem}.json"


def statline_settings(source_id: str, gemeente: str | None, period: str | None,
                      data_properties_sha256: str | None) -> dict[str, Any]:
    """The settings `read_statline` depends on (it uses no aliases and no other key of sources.toml)."""
    return {"adapter": "statline", "source_id": source_id, "gemeente": gemeente, "period": period,
            "data_properties": data_properties_sha256}


@dataclass
class Entry:
    """A parsed source as the build stages it: the small parts in memory, the big ones in Parquet files that
    DuckDB reads itself (no pandas round trip). Without a cache entry (one could not be written) the frame
    keeps its observations (numbered, see `numbered`) and missing cells, and the file fields are None."""

    frame: SourceFrame  # observations and missing are empty when they live in the files below
    observations_file: Path | None
    missing_file: Path | None
    parts: list[tuple[str, str]]  # (file, source_id) of each `part` number in the observations
    missing_sources: list[str]  # the distinct source_id values of the missing cells
    values: int
    missing_cells: int
    key: str | None = None  # the entry's name in the cache; None when it is only in memory


def has(path: Path, sha256: str, settings: dict[str, Any]) -> bool:
    return all(f.exists() for f in _files(*entry_key(path, sha256, settings)))


def _side(slot: str, key: str) -> dict[str, Any] | None:
    data_file, missing_file, side_file = _files(slot, key)
    if not (side_file.exists() and data_file.exists() and missing_file.exists()):
        return None
    try:
        side: dict[str, Any] = json.loads(side_file.read_text(encoding="utf-8"))
        os.utime(side_file)  # least recently used entries are pruned first
    except (OSError, ValueError):
        return None  # unreadable entry: parse the file again
    return side


def _small_frame(side: dict[str, Any]) -> SourceFrame:
    return SourceFrame(
        observations=empty_observations(),
        regions=pd.DataFrame(side["regions"], columns=["region_code", "name"], dtype=object),
        metadata=pd.DataFrame(side["metadata"], columns=["indicator_code", "label", "unit", "decimals"],
                              dtype=object),
        files=list(side["files"]),
        rows_read=int(side["rows_read"]),
        notes=[Note(**note) for note in side["notes"]],
    )


def _entry(slot: str, key: str) -> Entry | None:
    side = _side(slot, key)
    if side is None:
        return None
    data_file, missing_file, _ = _files(slot, key)
    return Entry(_small_frame(side), data_file, missing_file, [(str(f), str(i)) for f, i in side["parts"]],
                 list(side["missing_sources"]), int(side["values"]), int(side["missing_cells"]), f"{slot}-{key}")


def load(slot: str, key: str) -> SourceFrame | None:
    """The entry as the adapter returned it (observations in pandas, `file` as text again)."""
    entry = _entry(slot, key)
    if entry is None or entry.observations_file is None or entry.missing_file is None:
        return None
    try:
        observations = pd.read_parquet(entry.observations_file)
        missing = pd.read_parquet(entry.missing_file)
    except (OSError, ValueError):
        return None
    codes = observations.pop("part").to_numpy()
    for position, column in enumerate(("file", "source_id")):
        values = pd.Index([part[position] for part in entry.parts], dtype=object)
        observations[column] = pd.Categorical(values[codes]) if len(values) else pd.Categorical([])
    frame = entry.frame
    frame.observations = observations[OBSERVATION_COLUMNS]
    frame.missing = missing[MISSING_COLUMNS].astype(object)
    return frame


def numbered(frame: SourceFrame) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    """The observations with `file` and `source_id` replaced by one small `part` number into the returned list
    of (file, source_id): a national table repeats one path millions of times, which costs memory and time in
    every copy and in DuckDB's staging table. Parts are numbered in sorted order."""
    obs = frame.observations
    files = obs["file"].astype(str).astype("category")
    sources = obs["source_id"].astype(str).astype("category")
    width = max(1, len(sources.cat.categories))
    pair = files.cat.codes.to_numpy().astype("int64") * width + sources.cat.codes.to_numpy()
    codes, uniques = pd.factorize(pair, sort=True)
    parts = [(str(files.cat.categories[u // width]), str(sources.cat.categories[u % width])) for u in uniques]
    return obs.drop(columns=["file", "source_id"]).assign(part=codes.astype("int16")), parts


def missing_sources(frame: SourceFrame) -> list[str]:
    return sorted({str(s) for s in frame.missing["source_id"].unique()}) if len(frame.missing) else []


def store(slot: str, key: str, frame: SourceFrame) -> bool:
    """Write an entry beside its final name and rename it; the JSON (written last) marks it complete.
    A cache that cannot be written only costs speed, so errors are swallowed (and False returned)."""
    data_file, missing_file, side_file = _files(slot, key)
    observations, parts = numbered(frame)
    side = {
        "regions": [[_plain(c), _plain(n)] for c, n in zip(frame.regions["region_code"], frame.regions["name"],
                                                             strict=True)],
        "metadata": [[_plain(v) for v in row] for row in frame.metadata[
            ["indicator_code", "label", "unit", "decimals"]].itertuples(index=False)],
        "files": [str(f) for f in frame.files],
        "rows_read": frame.rows_read,
        "notes": [vars(note) for note in frame.notes],
        "parts": [list(part) for part in parts],
        "missing_sources": missing_sources(frame),
        "values": len(observations),
        "missing_cells": len(frame.missing),
    }
    # Missing cells keep their reasons (adapters.MISSING_COLUMNS): without them a cached build would lose them.
    missing = frame.missing[MISSING_COLUMNS].astype({c: "string" for c in MISSING_COLUMNS if c != "year"})
    missing = missing.astype({"year": "int32"})
    try:
        data_file.parent.mkdir(parents=True, exist_ok=True)
        for old in data_file.parent.glob(f"src-{slot}-*"):
            # Another build (a parallel test worker) may be writing its temp file, or staging from this very
            # entry (DuckDB reads the Parquet file lazily): leave both alone; os.replace below is atomic.
            if ".tmp-" not in old.name and not old.name.startswith(f"src-{slot}-{key}"):
                old.unlink(missing_ok=True)
        suffix = f".tmp-{os.getpid()}"
        for target, table in ((data_file, observations), (missing_file, missing)):
            tmp = target.with_name(target.name + suffix)
            table.to_parquet(tmp, index=False)
            os.replace(tmp, target)
        tmp = side_file.with_name(side_file.name + suffix)
        tmp.write_text(json.dumps(side, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, side_file)
        _prune(data_file.parent)
    except (OSError, ValueError, TypeError):
        for leftover in (data_file, missing_file, side_file):
            leftover.unlink(missing_ok=True)
        return False
    return True


def _plain(value: object) -> object:
    """JSON-safe cell: pandas' missing values become None, numpy scalars Python ones."""
    if value is None or value is pd.NA:
        return None
    item = getattr(value, "item", None)
    return item() if callable(item) else value


def _prune(directory: Path) -> None:
    """Remove the least recently used entries beyond MAX_ENTRIES, but none used in the last hour: another build
    may be staging from it right now (DuckDB opens the Parquet file when the insert runs)."""
    entries = sorted(directory.glob("src-*.json"), key=lambda p: p.stat().st_mtime)
    cutoff = time.time() - IN_USE_SECONDS
    for side_file in entries[:-MAX_ENTRIES]:
        if side_file.stat().st_mtime > cutoff:
            break
        side_file.unlink(missing_ok=True)
        side_file.with_suffix(".parquet").unlink(missing_ok=True)
        side_file.with_name(side_file.stem + "-missing.parquet").unlink(missing_ok=True)


def cached(path: Path, sha256: str, settings: dict[str, Any], read: Callable[[], SourceFrame]) -> SourceFrame:
    """The cached result for this file and settings, else `read()` (stored when it succeeds)."""
    slot, key = entry_key(path, sha256, settings)
    hit = load(slot, key)
    if hit is not None:
        return hit
    frame = read()
    store(slot, key, frame)
    return frame


def entry(path: Path, sha256: str, settings: dict[str, Any], read: Callable[[], SourceFrame]) -> Entry:
    """What the build stages: the cache entry's files when it holds them, else `read()`, stored and then
    staged from the new entry; in memory only when the cache cannot be written."""
    slot, key = entry_key(path, sha256, settings)
    hit = _entry(slot, key)
    if hit is not None:
        return hit
    frame = read()
    if store(slot, key, frame):
        stored = _entry(slot, key)
        if stored is not None:
            return stored
    return in_memory(frame)


def in_memory(frame: SourceFrame) -> Entry:
    observations, parts = numbered(frame)
    frame.observations = observations
    return Entry(frame, None, None, parts, missing_sources(frame), len(observations), len(frame.missing))
