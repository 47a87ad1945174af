"""What an upload changes against the data in the current database: rows added, changed, removed per table."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from wijkmonitor.registers.loader import TABLE_COLUMNS

# How a row of a table is recognised across versions; a table without a unique key is compared row by row.
KEYS: dict[str, tuple[str, ...]] = {
    "interventions": ("intervention_id",),
    "intervention_results": ("intervention_id", "period", "measure"),
    "process_log": ("date", "area", "activity_type"),
    "observations": ("region_code", "year", "indicator_code", "age_group"),
}
TABLE_LABELS = {
    "interventions": "interventies",
    "intervention_results": "resultaten",
    "process_log": "proceslog",
    "observations": "eigen cijfers",
}
REGISTER_TABLES = {"interventions": "interventions", "results": "intervention_results", "process_log": "process_log"}
OBSERVATION_COLUMNS = ("region_code", "year", "indicator_code", "age_group", "value")


@dataclass(frozen=True)
class TableChange:
    table: str
    added: int
    changed: int
    removed: int
    unchanged: int
    examples: tuple[str, ...] = ()  # a few keys of added / changed / removed rows, for people

    @property
    def label(self) -> str:
        return TABLE_LABELS.get(self.table, self.table)


def _cell(value: object) -> str:
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _rows(frame: pd.DataFrame, columns: Sequence[str]) -> list[tuple[str, ...]]:
    return [tuple(_cell(v) for v in row) for row in frame[list(columns)].itertuples(index=False, name=None)]


def diff_frames(table: str, old: pd.DataFrame, new: pd.DataFrame, key: Sequence[str] = ()) -> TableChange:
    """Compare two versions of a table on their shared columns, by `key` when it is unique in both, else as
    multisets of whole rows (a changed row then counts as one removed and one added)."""
    columns = [c for c in new.columns if c in old.columns]
    old_rows, new_rows = _rows(old, columns), _rows(new, columns)
    positions = [columns.index(k) for k in key if k in columns]
    if positions and len(positions) == len(key):
        old_keyed = {tuple(r[i] for i in positions): r for r in old_rows}
        new_keyed = {tuple(r[i] for i in positions): r for r in new_rows}
        if len(old_keyed) == len(old_rows) and len(new_keyed) == len(new_rows):
            added = [k for k in new_keyed if k not in old_keyed]
            removed = [k for k in old_keyed if k not in new_keyed]
            changed = [k for k in new_keyed if k in old_keyed and new_keyed[k] != old_keyed[k]]
            examples = [f"nieuw: {' / '.join(k)}" for k in added[:3]]
            examples += [f"gewijzigd: {' / '.join(k)}" for k in changed[:3]]
            examples += [f"weg: {' / '.join(k)}" for k in removed[:3]]
            return TableChange(table, len(added), len(changed), len(removed),
                               len(new_keyed) - len(added) - len(changed), tuple(examples))
    old_count, new_count = Counter(old_rows), Counter(new_rows)
    added_n = sum((new_count - old_count).values())
    removed_n = sum((old_count - new_count).values())
    return TableChange(table, added_n, 0, removed_n, len(new_rows) - added_n)


def current_tables(db_path: Path, tables: Sequence[str]) -> dict[str, pd.DataFrame]:
    """The tables as the current database holds them (empty frames when there is no database yet)."""
    out: dict[str, pd.DataFrame] = {}
    if not Path(db_path).is_file():
        for table in tables:
            out[table] = pd.DataFrame(columns=list(TABLE_COLUMNS[table]))
        return out
    with duckdb.connect() as con:
        con.execute("attach $path as current_db (read_only)", {"path": str(db_path)})
        for table in tables:
            if table in TABLE_COLUMNS:
                con.execute("use current_db")
                out[table] = con.table(table).df()
            else:
                raise KeyError(table)
    return out


def register_changes(db_path: Path, keys: Sequence[str], new: dict[str, pd.DataFrame]) -> list[TableChange]:
    tables = [REGISTER_TABLES[k] for k in keys]
    old = current_tables(db_path, tables)
    return [diff_frames(t, old[t], new[t], KEYS.get(t, ())) for t in tables]


def own_figure_changes(current_file: Path | None, source_id: str, gemeente: str | None,
                       new: pd.DataFrame) -> list[TableChange]:
    """Compared with the own-figures file in use, not with the database: the build merges figures that other
    sources publish identically, so the database cannot say which rows came from this file."""
    from wijkmonitor.adapters.longcsv import read_longcsv

    if current_file is not None and current_file.is_file():
        old = read_longcsv(current_file, source_id=source_id, gemeente=gemeente).observations
    else:
        old = pd.DataFrame(columns=list(OBSERVATION_COLUMNS))
    columns = list(OBSERVATION_COLUMNS)
    return [diff_frames("observations", old[columns], new[columns], KEYS["observations"])]


def changes_frame(changes: Sequence[TableChange]) -> pd.DataFrame:
    return pd.DataFrame({
        "tabel": [c.label for c in changes],
        "nieuw": [c.added for c in changes],
        "gewijzigd": [c.changed for c in changes],
        "verwijderd": [c.removed for c in changes],
        "ongewijzigd": [c.unchanged for c in changes],
    })
