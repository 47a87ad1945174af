"""Wide CSV tables with one row per region and one column per measure (plain or gzip-compressed).

The shape of the CBS key-figure extracts (`kwb_*`), the Leefbaarometer wijk scores and StatLine `TypedDataSet`
dumps such as the police table 47018NED. Which column holds the region code, the year and the name, which rows
to keep and how a column is scaled is configuration (`config/sources.toml`); a column is read only when its name
(without StatLine's `_N` suffix) is an indicator code or alias in the catalogue. CBS fixed-width padding is
stripped; `.`/`x`/`NA` and the map sentinel -99999999 (also written as `-99999999.000000000000000`) are missing.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from wijkmonitor import cbs
from wijkmonitor.adapters import (
    MISSING_COLUMNS,
    OBSERVATION_COLUMNS,
    SourceFrame,
    checks,
    empty_missing,
    empty_observations,
)
from wijkmonitor.errors import BuildError

# CBS sentinels for missing or secret figures in the key-figure files, besides the StatLine symbols.
SENTINELS = frozenset({"NA", "-99999999", "-99997", "-99999997", "-99999999.000000000000000"})


@dataclass(frozen=True)
class TableLayout:
    """Where a wide CSV keeps its keys: see the `[[sources]]` keys of the same names."""

    code_columns: Sequence[str]
    name_columns: Sequence[str] = ()
    year_column: str | None = None
    year: int | None = None
    include: Mapping[str, Sequence[str]] = field(default_factory=dict)
    exclude: Mapping[str, Sequence[str]] = field(default_factory=dict)
    scale: Mapping[str, float] = field(default_factory=dict)


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise BuildError("bestand niet gevonden", file=path) from exc
    if path.suffix == ".gz":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as exc:
            raise BuildError(f"gzip-bestand is beschadigd ({exc})", file=path) from exc
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise BuildError(f"het bestand is geen UTF-8 (byte {exc.start} is ongeldig)", file=path,
                         row=raw.count(b"\n", 0, exc.start) + 1) from exc


def _years(table: pd.DataFrame, layout: TableLayout, path: Path) -> pd.Series:
    if layout.year_column is None:
        if layout.year is None:
            raise BuildError("bron heeft geen 'year' en geen 'year_column'", file=path)
        return pd.Series(layout.year, index=table.index, dtype="int64")
    if layout.year_column not in table.columns:
        raise BuildError(f"jaarkolom {layout.year_column!r} ontbreekt", file=path, row=1)
    text = table[layout.year_column].str.strip()
    # StatLine periods ("2023JJ00") and plain years ("2023") both occur.
    years = pd.to_numeric(text.str.replace(r"JJ00$", "", regex=True), errors="coerce")
    if years.isna().any():
        position = int(years.isna().to_numpy().nonzero()[0][0])
        raise BuildError(f"jaar {text.iloc[position]!r} is geen jaartal of StatLine-periode", file=path,
                         row=int(table["_row"].iloc[position]), column=layout.year_column)
    return years.astype("int64")


def read_csvtable(
    path: Path, *, source_id: str, layout: TableLayout, aliases: Mapping[str, str], gemeente: str | None
) -> SourceFrame:
    text = _read_text(path)
    checks.unique_header(checks.csv_header(text), file=path)
    try:
        table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise BuildError(f"CSV onleesbaar: {exc}", file=path) from exc
    rows_read = len(table)
    table = table.assign(_row=range(2, len(table) + 2))
    present = [c for c in layout.code_columns if c in table.columns]
    if not present:
        raise BuildError(f"geen regiokolom gevonden (verwacht een van: {', '.join(layout.code_columns)})",
                         file=path, row=1)
    # Files that combine levels (the kwb 2017 extract) fill one code column per row: take the first non-empty.
    codes = pd.Series("", index=table.index, dtype="object")
    for column in present:
        stripped = table[column].str.strip()
        codes = codes.where(codes != "", stripped)
    table["_code"] = codes
    for column, allowed in layout.include.items():
        if column not in table.columns:
            raise BuildError(f"kolom {column!r} (uit 'include') ontbreekt", file=path, row=1)
        table = table[table[column].str.strip().isin(list(allowed))]
    for column, refused in layout.exclude.items():
        if column in table.columns:
            table = table[~table[column].str.strip().isin(list(refused))]
    table = table[table["_code"] != ""]
    codes, note = checks.region_codes(table["_code"], file=path, column=present[0], rows=table["_row"])
    table = table.assign(_code=codes)
    if gemeente is not None:
        table = table[(table["_code"].map(cbs.gemeente_of) == gemeente) | (table["_code"] == "NL01")]
    years = _years(table, layout, path)
    parts, missing_parts = [], []
    for column in table.columns:
        if column.startswith("_") or column in layout.code_columns or column in layout.name_columns:
            continue
        code = aliases.get(column) or aliases.get(cbs.indicator_code(column))
        if code is None:
            continue
        cells = table[column].str.strip()
        values = cbs.parse_values(cells.where(~cells.isin(SENTINELS), ""), file=path, column=column)
        values = values.where(values != cbs.MAP_MISSING) * float(layout.scale.get(column, 1.0))
        part = pd.DataFrame({"region_code": table["_code"], "year": years, "indicator_code": code,
                             "age_group": "totaal", "value": values.to_numpy(), "row": table["_row"]})
        parts.append(part[part["value"].notna()])
        # Why a cell has no figure, as written: "NA" (Leefbaarometer: not published), -99999999 (the map's secret
        # figure), "."/"x", another CBS sentinel, or "" (empty): missing_values.sql turns it into the reason.
        absent = part["value"].isna().to_numpy()
        missing_parts.append(part.loc[absent, ["region_code", "year", "indicator_code", "age_group"]].assign(
            symbol=cells.to_numpy()[absent]))
    long = pd.concat(parts, ignore_index=True) if parts else empty_observations()
    long = long.assign(source_id=source_id, file=str(path))[OBSERVATION_COLUMNS]
    missing = (pd.concat(missing_parts, ignore_index=True).assign(source_id=source_id)[MISSING_COLUMNS]
               if missing_parts else empty_missing())
    names = pd.DataFrame(columns=["region_code", "name"])
    name_present = [c for c in layout.name_columns if c in table.columns]
    if name_present:
        labels = pd.Series("", index=table.index, dtype="object")
        for column in name_present:
            labels = labels.where(labels != "", table[column].str.strip())
        names = (pd.DataFrame({"region_code": table["_code"], "name": labels})
                 .loc[lambda d: d["name"] != ""].drop_duplicates("region_code"))
    return SourceFrame(observations=long, regions=names, files=[path], rows_read=rows_read,
                       notes=[note] if note else [], missing=missing)
