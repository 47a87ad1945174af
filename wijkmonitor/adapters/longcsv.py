"""Long CSV: `region_code, year, indicator_code, value` plus optional label, unit, source and age columns.

The format a municipality uses for its own survey figures. An indicator code may carry its age group as
`Code|age_18+` (how the Groningen file stores the RIVM age groups); an `age_group` column does the same.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pandas as pd

from wijkmonitor import cbs
from wijkmonitor.adapters import MISSING_COLUMNS, OBSERVATION_COLUMNS, SourceFrame, checks, empty_observations
from wijkmonitor.errors import BuildError

REQUIRED = ("region_code", "year", "indicator_code", "value")
FIRST_YEAR = 1990


def _read(path: Path) -> pd.DataFrame:
    checks.source_file(path)
    raw = path.read_bytes()
    try:
        # Decoded whole, so that a bad byte is placed exactly: a streaming decoder reads ahead and would blame
        # the header row (or report an offset within some later chunk).
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise BuildError(
            f"het bestand is geen UTF-8 (byte {exc.start} is ongeldig); sla het op als 'CSV UTF-8'",
            file=path, row=raw.count(b"\n", 0, exc.start) + 1,
        ) from exc
    header = text.split("\n", 1)[0]
    if ";" in header and "," not in header:
        raise BuildError(
            "het bestand gebruikt ; als scheidingsteken; verwacht komma's (CSV met komma, decimale punt)",
            file=path, row=1,
        )
    if not any(checks.unique_header(checks.csv_header(text), file=path)):
        raise BuildError("het bestand heeft geen kopregel", file=path, row=1)
    try:
        table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, skip_blank_lines=False)
    except pd.errors.EmptyDataError as exc:
        raise BuildError("het bestand heeft geen kopregel", file=path, row=1) from exc
    except (pd.errors.ParserError, csv.Error) as exc:
        raise BuildError(f"CSV onleesbaar: {exc}", file=path) from exc
    # Blank lines are read as empty rows and dropped only after numbering, so row numbers match the file.
    table = table.assign(_row=range(2, len(table) + 2))
    return table[(table.drop(columns="_row") != "").any(axis=1)]


def read_longcsv(path: Path, *, source_id: str, gemeente: str | None) -> SourceFrame:
    table = _read(path)
    missing = [c for c in REQUIRED if c not in table.columns]
    if missing:
        raise BuildError(f"verplichte kolom(men) ontbreken: {', '.join(missing)}", file=path, row=1)
    rows_read = len(table)
    if table.empty:
        return SourceFrame(observations=empty_observations(), files=[path], rows_read=0)
    codes, note = checks.region_codes(table["region_code"], file=path, column="region_code", rows=table["_row"])
    years = pd.to_numeric(table["year"].str.strip(), errors="coerce")
    last_year = dt.date.today().year
    wrong = years.isna() | (years < FIRST_YEAR) | (years > last_year) | (years % 1 != 0)
    if wrong.any():
        first = table[wrong].iloc[0]
        raise BuildError(
            f"jaar {first['year']!r} ligt niet tussen {FIRST_YEAR} en {last_year}",
            file=path, row=int(first["_row"]), column="year",
        )
    split = table["indicator_code"].str.strip().str.split("|age_", n=1, expand=True, regex=False)
    indicators = split[0].map(cbs.indicator_code)
    empty = (indicators == "").to_numpy()
    if empty.any():
        raise BuildError("indicatorcode ontbreekt", file=path, row=int(table["_row"].iloc[int(empty.nonzero()[0][0])]),
                         column="indicator_code")
    if split.shape[1] > 1:
        ages = split[1].fillna("totaal")
    elif "age_group" in table.columns:
        ages = table["age_group"].replace("", "totaal")
    else:
        ages = pd.Series("totaal", index=table.index)
    age_codes = ages.map(cbs.AGE_ALIASES)
    if age_codes.isna().any():
        position = int(age_codes.isna().to_numpy().nonzero()[0][0])
        raise BuildError(
            f"onbekende leeftijdsgroep {ages.iloc[position]!r} (bekend: {', '.join(cbs.AGE_ALIASES)})",
            file=path, row=int(table["_row"].iloc[position]), column="indicator_code",
        )
    values = checks.numbers(table["value"], file=path, column="value", rows=table["_row"])
    long = pd.DataFrame(
        {
            "region_code": codes,
            "year": years.astype("int64"),
            "indicator_code": indicators,
            "age_group": age_codes,
            "value": values,
            "source_id": table["source"].str.strip().replace("", source_id) if "source" in table else source_id,
            "file": str(path),
            "row": table["_row"],
        }
    )
    if gemeente is not None:
        long = long[(long["region_code"].map(cbs.gemeente_of) == gemeente) | (long["region_code"] == "NL01")]
    names = pd.DataFrame(columns=["region_code", "name"])
    if "region_name" in table.columns:
        names = (
            pd.DataFrame({"region_code": codes, "name": table["region_name"].str.strip()})
            .loc[lambda d: d["name"] != ""]
            .drop_duplicates("region_code")
        )
    meta_cols = {"indicator_label": "label", "unit": "unit"}
    metadata = pd.DataFrame(columns=["indicator_code", "label", "unit", "decimals"])
    if "indicator_label" in table.columns:
        metadata = (
            table.assign(indicator_code=indicators)
            .rename(columns=meta_cols)
            .reindex(columns=["indicator_code", "label", "unit"])
            .drop_duplicates("indicator_code")
            .assign(decimals=None)
        )
    # Cells without a figure ("." / "x" secret, "" empty), with their symbol as written: see missing_values.sql.
    absent = long["value"].isna()
    unlisted = long.loc[absent, ["region_code", "year", "indicator_code", "age_group", "source_id"]].assign(
        symbol=table.loc[absent.index[absent], "value"].str.strip().to_numpy())[MISSING_COLUMNS]
    return SourceFrame(
        observations=long[long["value"].notna()][OBSERVATION_COLUMNS],
        missing=unlisted,
        regions=names,
        metadata=metadata,
        files=[path],
        rows_read=rows_read,
        notes=[note] if note else [],
    )
