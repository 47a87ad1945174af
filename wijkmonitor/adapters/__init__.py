"""Source adapters: each turns one kind of published file into long observations.

Every adapter returns a `SourceFrame`: observations with the columns of `OBSERVATION_COLUMNS` plus the file
and row each value came from (for error messages), and the region names the source knows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from wijkmonitor.adapters.checks import Note

OBSERVATION_COLUMNS = ["region_code", "year", "indicator_code", "age_group", "value", "source_id", "file", "row"]
REGION_COLUMNS = ["region_code", "name"]
# Cells the source lists without a figure, kept so pages can say why a value is missing: `symbol` is the cell
# as published ("." / "x" / -99999999: secret; "NA" or another sentinel: not published) or "" for an empty cell.
# Every adapter that reads a table of cells records them (statline, csvtable, longcsv); sql/missing_values.sql
# turns the symbol into the reason.
MISSING_COLUMNS = ["region_code", "year", "indicator_code", "age_group", "symbol", "source_id"]


@dataclass
class SourceFrame:
    observations: pd.DataFrame
    regions: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=REGION_COLUMNS))
    metadata: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=["indicator_code", "label", "unit", "decimals"])
    )
    files: list[Path | str] = field(default_factory=list)
    rows_read: int = 0
    missing: pd.DataFrame = field(default_factory=lambda: empty_missing())
    notes: list[Note] = field(default_factory=list)  # rows changed or dropped on purpose, for the summary


def empty_observations() -> pd.DataFrame:
    return pd.DataFrame({column: pd.Series(dtype="object") for column in OBSERVATION_COLUMNS})


def empty_missing() -> pd.DataFrame:
    return pd.DataFrame({column: pd.Series(dtype="object") for column in MISSING_COLUMNS})
