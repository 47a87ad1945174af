"""Data access: named SQL files from `queries/`, bound parameters, a read-only DuckDB connection.

`run(db_path, "gap_by_area", indicator="Eenzaam", ...)` runs `queries/gap_by_area.sql` on its own cursor and
returns a DataFrame. Any way the data can be unusable (missing, empty or outdated file, broken query) becomes
`DataUnavailable` with a plain Dutch message. The connection is reopened when the build swaps in a new file.
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from wijkmonitor.config import PROJECT_ROOT
from wijkmonitor.errors import DataUnavailable
from wijkmonitor.schema import TABLES

QUERIES_DIR = PROJECT_ROOT / "queries"
# Raise on every change of wijkmonitor/schema.py (the tables and columns pages rely on).
SCHEMA_VERSION = 6
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_PARAM = re.compile(r"\$([a-z_][a-z0-9_]*)")
_lock = threading.Lock()
_connections: dict[str, tuple[tuple[int, int, int], duckdb.DuckDBPyConnection]] = {}

REBUILD_HINT = "Bouw het opnieuw met: wijkmonitor build"


def file_stamp(path: Path) -> tuple[int, int, int]:
    """Identity of the file on disk: changes when the build swaps in a new file."""
    try:
        stat = os.stat(path)
    except FileNotFoundError as exc:
        raise DataUnavailable(f"Het gegevensbestand {path} bestaat niet. {REBUILD_HINT}") from exc
    return (stat.st_ino, stat.st_mtime_ns, stat.st_size)


def _open(path: Path) -> duckdb.DuckDBPyConnection:
    if os.path.getsize(path) == 0:
        raise DataUnavailable(f"Het gegevensbestand {path} is leeg. {REBUILD_HINT}")
    # Attach to a private in-memory instance instead of duckdb.connect(path): DuckDB caches instances per
    # path within a process, so after the build swaps the file a plain connect would return the old one.
    # Extension autoloading is off: attaching a SQLite (or other foreign) file must fail at once, not try to
    # download a scanner extension.
    con = duckdb.connect(config={"autoload_known_extensions": False, "autoinstall_known_extensions": False})
    try:
        con.execute("attach $path as snapshot (read_only)", {"path": str(path)})
        con.execute("use snapshot")
    except duckdb.Error as exc:
        con.close()
        raise DataUnavailable(f"Het gegevensbestand {path} is geen leesbaar DuckDB-bestand. {REBUILD_HINT}") from exc
    try:
        row = con.execute("select value from build_meta where key = 'schema_version'").fetchone()
    except duckdb.Error as exc:
        con.close()
        raise DataUnavailable(f"Het gegevensbestand {path} mist de bouwgegevens. {REBUILD_HINT}") from exc
    if row is None or row[0] != str(SCHEMA_VERSION):
        con.close()
        found = row[0] if row else "onbekend"
        raise DataUnavailable(
            f"Het gegevensbestand {path} heeft een oude opbouw (versie {found}, nodig {SCHEMA_VERSION}). {REBUILD_HINT}"
        )
    missing = contract_gaps(con)
    if missing:
        con.close()
        raise DataUnavailable(
            f"Het gegevensbestand {path} is onvolledig (ontbreekt: {', '.join(missing[:5])}"
            f"{' en meer' if len(missing) > 5 else ''}). {REBUILD_HINT}"
        )
    return con


def contract_gaps(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The tables and columns of the contract (`wijkmonitor.schema.TABLES`) that the open file lacks."""
    found: dict[str, set[str]] = {}
    for table, column in con.execute(
        "select table_name, column_name from information_schema.columns where table_catalog = 'snapshot'"
    ).fetchall():
        found.setdefault(str(table), set()).add(str(column))
    gaps = []
    for table, columns in TABLES.items():
        if table not in found:
            gaps.append(f"tabel {table}")
            continue
        gaps += [f"kolom {table}.{c}" for c in columns if c not in found[table]]
    return gaps


@dataclass(frozen=True)
class Snapshot:
    """One version of the file: every query run on it sees the same build, even if a rebuild swaps the file."""

    path: Path
    stamp: tuple[int, int, int]
    connection: duckdb.DuckDBPyConnection


def snapshot(path: Path) -> Snapshot:
    """The shared read-only connection to the current file, reopened when the file has been replaced."""
    key = str(Path(path).resolve())
    stamp = file_stamp(path)
    with _lock:
        cached = _connections.get(key)
        if cached is None or cached[0] != stamp:
            # The old connection may still be pinned by a page run in progress; the collector closes it after.
            cached = (stamp, _open(path))
            _connections[key] = cached
        return Snapshot(Path(path), cached[0], cached[1])


@cache
def query_text(name: str) -> str:
    if not _NAME.match(name):
        raise DataUnavailable(f"Onbekende vraag {name!r}.")
    path = QUERIES_DIR / f"{name}.sql"
    if not path.exists():
        raise DataUnavailable(f"De vraag {name!r} bestaat niet (queries/{name}.sql ontbreekt).")
    return path.read_text(encoding="utf-8")


def query_parameters(name: str) -> set[str]:
    code = "\n".join(line.split("--", 1)[0] for line in query_text(name).splitlines())
    return set(_PARAM.findall(code))


def run(db_path: Path, name: str, **params: object) -> pd.DataFrame:
    return run_on(snapshot(db_path), name, **params)


def run_on(snap: Snapshot, name: str, **params: object) -> pd.DataFrame:
    """Run a named query on one file version (see `Snapshot`)."""
    expected = query_parameters(name)
    if set(params) != expected:
        raise DataUnavailable(
            f"De vraag {name!r} verwacht parameters {sorted(expected)}, kreeg {sorted(params)}."
        )
    cursor = snap.connection.cursor()
    try:
        # A cursor is a new connection to the instance: it starts in the in-memory catalog again.
        cursor.execute("use snapshot")
        return cursor.execute(query_text(name), params).df()
    except duckdb.Error as exc:
        raise DataUnavailable(f"De gegevens konden niet worden gelezen ({name}): {exc}") from exc
    finally:
        cursor.close()


def close_all() -> None:
    with _lock:
        for _, con in _connections.values():
            con.close()
        _connections.clear()
