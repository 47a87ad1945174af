"""Parsed source files, cached between builds under the file's content hash.

Parsing dominates a build (the national RIVM XLSX files take seconds each), while the files rarely change. An
entry holds exactly what the adapter returned (observations as Parquet, the rest as JSON) and is found by a key
over everything the result depends on: the file's SHA-256 and path, the adapter and its settings from
sources.toml, the gemeente filter, the indicator aliases, the SHA-256 of any DataProperties file, and the bytes of
the adapter code itself. A changed file, setting or adapter therefore never meets an old entry; a refused file is
never cached (the adapter raises before anything is written), so every refusal still happens on every build.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from wijkmonitor.adapters import MISSING_COLUMNS, SourceFrame
from wijkmonitor.adapters.checks import Note

# Bump when the layout of an entry changes.
CACHE_VERSION = 1
# Enough for every source of a few builds (Groningen, national, test fixtures); the oldest are removed first.
MAX_ENTRIES = 256
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


@cache
def code_hash() -> str:
    digest = hashlib.sha256()
    for pattern in _CODE_FILES:
        for path in sorted(_PACKAGE.glob(pattern)):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


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


def _files(slot: str, key: str) -> tuple[Path, Path]:
    directory = cache_dir()
    return directory / f"src-{slot}-{key}.parquet", directory / f"src-{slot}-{key}.json"


def statline_settings(source_id: str, gemeente: str | None, period: str | None,
                      data_properties_sha256: str | None) -> dict[str, Any]:
    """The settings `read_statline` depends on (it uses no aliases and no other key of sources.toml)."""
    return {"adapter": "statline", "source_id": source_id, "gemeente": gemeente, "period": period,
            "data_properties": data_properties_sha256}


def has(path: Path, sha256: str, settings: dict[str, Any]) -> bool:
    data_file, side_file = _files(*entry_key(path, sha256, settings))
    return data_file.exists() and side_file.exists()


def load(slot: str, key: str) -> SourceFrame | None:
    data_file, side_file = _files(slot, key)
    if not side_file.exists() or not data_file.exists():
        return None
    try:
        side = json.loads(side_file.read_text(encoding="utf-8"))
        observations = pd.read_parquet(data_file)
        os.utime(side_file)  # least recently used entries are pruned first
    except (OSError, ValueError):
        return None  # unreadable entry: parse the file again
    return SourceFrame(
        observations=observations,
        regions=pd.DataFrame(side["regions"], columns=["region_code", "name"], dtype=object),
        metadata=pd.DataFrame(side["metadata"], columns=["indicator_code", "label", "unit", "decimals"],
                              dtype=object),
        files=list(side["files"]),
        rows_read=int(side["rows_read"]),
        notes=[Note(**note) for note in side["notes"]],
        # Why values are missing (adapters.MISSING_COLUMNS): without it a cached build would lose the reasons.
        missing=pd.DataFrame(side.get("missing", []), columns=MISSING_COLUMNS, dtype=object),
    )


def store(slot: str, key: str, frame: SourceFrame) -> None:
    """Write an entry beside its final name and rename it; the JSON (written last) marks it complete.
    A cache that cannot be written only costs speed, so errors are swallowed."""
    data_file, side_file = _files(slot, key)
    side = {
        "regions": [[_plain(c), _plain(n)] for c, n in zip(frame.regions["region_code"], frame.regions["name"],
                                                             strict=True)],
        "metadata": [[_plain(v) for v in row] for row in frame.metadata[
            ["indicator_code", "label", "unit", "decimals"]].itertuples(index=False)],
        "files": [str(f) for f in frame.files],
        "rows_read": frame.rows_read,
        "notes": [vars(note) for note in frame.notes],
        "missing": [[_plain(v) for v in row] for row in frame.missing[MISSING_COLUMNS].itertuples(index=False)],
    }
    try:
        data_file.parent.mkdir(parents=True, exist_ok=True)
        for old in data_file.parent.glob(f"src-{slot}-*"):
            # Another build (a parallel test worker) may be writing its temp file right now: leave it alone.
            if ".tmp-" not in old.name:
                old.unlink(missing_ok=True)
        suffix = f".tmp-{os.getpid()}"
        tmp = data_file.with_name(data_file.name + suffix)
        frame.observations.to_parquet(tmp, index=False)
        os.replace(tmp, data_file)
        tmp = side_file.with_name(side_file.name + suffix)
        tmp.write_text(json.dumps(side, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, side_file)
        _prune(data_file.parent)
    except (OSError, ValueError, TypeError):
        for leftover in (data_file, side_file):
            leftover.unlink(missing_ok=True)


def _plain(value: object) -> object:
    """JSON-safe cell: pandas' missing values become None, numpy scalars Python ones."""
    if value is None or value is pd.NA:
        return None
    item = getattr(value, "item", None)
    return item() if callable(item) else value


def _prune(directory: Path) -> None:
    entries = sorted(directory.glob("src-*.json"), key=lambda p: p.stat().st_mtime)
    for side_file in entries[:-MAX_ENTRIES]:
        side_file.unlink(missing_ok=True)
        side_file.with_suffix(".parquet").unlink(missing_ok=True)


def cached(path: Path, sha256: str, settings: dict[str, Any], read: Callable[[], SourceFrame]) -> SourceFrame:
    """The cached result for this file and settings, else `read()` (stored when it succeeds)."""
    slot, key = entry_key(path, sha256, settings)
    hit = load(slot, key)
    if hit is not None:
        return hit
    frame = read()
    store(slot, key, frame)
    return frame
