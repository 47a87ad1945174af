"""Read a built database in a test: read-only, so a test can never change the file another test reads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pandas as pd


def query_rows(db: Path, sql: str, params: list[object] | None = None) -> list[tuple[Any, ...]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def query_frame(db: Path, sql: str) -> pd.DataFrame:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).df()
