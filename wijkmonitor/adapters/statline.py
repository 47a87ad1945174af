"""StatLine tables (CBS and RIVM) in their published layout.

Reads the same table from an XLSX or CSV export, from OData JSON (`TypedDataSet`, `{"value": [...]}`), from the
"stripped" JSON some re-publishers make (`{region: {measure: value}}`, period given in config), or straight from
the OData API when the source is an http(s) URL (see `wijkmonitor.adapters.odata`).
Dimension columns: `WijkenEnBuurten` (or `Codering_3`), `Perioden` (`2020JJ00`), optional `Leeftijd` and `Marges`.
Every other `Name_N` column is a measure unless DataProperties or the attribute list says it is text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
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
from wijkmonitor.adapters.longcsv import FIRST_YEAR
from wijkmonitor.errors import BuildError

REGION_COLUMNS = ("WijkenEnBuurten", "RegioS", "Codering_3")
PERIOD_COLUMN = "Perioden"
# Text attributes that StatLine publishes beside the measures (by key without position suffix).
TEXT_ATTRIBUTES = frozenset(
    {
        "ID",
        "Leeftijd",
        "Marges",
        "Perioden",
        "WijkenEnBuurten",
        "RegioS",
        "Gemeentenaam",
        "SoortRegio",
        "Codering",
        "IndelingswijzigingWijkenEnBuurten",
        "MeestVoorkomendePostcode",
        "Dekkingspercentage",
        "source_file",
    }
)
VALUE_MARGIN = "MW00000"


def read_table(path: Path) -> pd.DataFrame:
    """Read an XLSX or CSV StatLine export as text columns, exactly as published."""
    suffix = path.suffix.lower()
    checks.source_file(path)
    try:
        if suffix in (".xlsx", ".xlsm", ".xls"):
            from python_calamine import CalamineWorkbook

            sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
            if not sheet:
                raise BuildError("het werkblad is leeg", file=path)
            header = checks.unique_header(sheet[0], file=path)
            return pd.DataFrame(sheet[1:], columns=header, dtype="object")
        if suffix == ".csv":
            with path.open(encoding="utf-8", newline="") as handle:
                first_line = handle.readline()
            if ";" in first_line and "," not in first_line:
                raise BuildError(
                    "het bestand gebruikt ; als scheidingsteken; verwacht komma's (CSV met komma, decimale punt)",
                    file=path, row=1,
                )
            checks.unique_header(checks.csv_header(first_line), file=path)
            return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except BuildError:
        raise
    except UnicodeDecodeError as exc:
        raise BuildError(f"het bestand is geen UTF-8 (byte {exc.start}); sla het op als UTF-8", file=path) from exc
    except FileNotFoundError as exc:
        raise BuildError("bestand niet gevonden", file=path) from exc
    except Exception as exc:  # calamine/zip errors carry no common base class
        raise BuildError(f"het bestand is beschadigd of geen geldig {suffix}-bestand ({exc})", file=path) from exc
    raise BuildError(f"onbekend bestandstype {suffix!r} voor een StatLine-tabel (xlsx, csv of json)", file=path)


def read_data_properties(path: Path | None) -> dict[str, dict[str, Any]]:
    """DataProperties metadata by measure key: Title, Unit, Decimals, Datatype."""
    if path is None:
        return {}
    items = checks.read_json(path)
    if isinstance(items, dict):
        items = items.get("value", [])
    if not isinstance(items, list):
        raise BuildError("DataProperties onbruikbaar: verwacht een lijst met eigenschappen", file=path)
    return {item["Key"]: item for item in items if isinstance(item, dict) and isinstance(item.get("Key"), str)}


def _measure_columns(columns: Iterable[str], properties: dict[str, dict[str, Any]]) -> list[str]:
    measures = []
    for column in columns:
        key = cbs.indicator_code(column)
        if key in TEXT_ATTRIBUTES or column in TEXT_ATTRIBUTES:
            continue
        prop = properties.get(column)
        if prop is not None and (prop.get("Type") != "Topic" or prop.get("Datatype") == "String"):
            continue
        if column.rsplit("_", 1)[-1].isdigit():
            measures.append(column)
    return measures


def _age_groups(raw: pd.Series, file: Path | str) -> pd.Series:
    codes = raw.astype("string").str.strip().str.replace(r"\.0$", "", regex=True)
    ages = codes.map(cbs.AGE_GROUPS)
    unknown = ages.isna()
    if unknown.any():
        position = int(unknown.to_numpy().nonzero()[0][0])
        raise BuildError(
            f"onbekende leeftijdscode {codes.iloc[position]!r} (bekend: {', '.join(cbs.AGE_GROUPS)})",
            file=file,
            row=position + 2,
            column="Leeftijd",
        )
    return ages


def frame_to_long(
    table: pd.DataFrame,
    *,
    file: Path | str,
    source_id: str,
    gemeente: str | None,
    properties: dict[str, dict[str, Any]] | None = None,
    period: str | None = None,
) -> SourceFrame:
    """Turn a wide StatLine table into long observations, keeping the row number of every value."""
    properties = properties or {}
    region_column = next((c for c in REGION_COLUMNS if c in table.columns), None)
    if region_column is None:
        raise BuildError(
            "geen regiokolom gevonden (verwacht WijkenEnBuurten of Codering_3)", file=file, row=1
        )
    if PERIOD_COLUMN not in table.columns and period is None:
        raise BuildError("geen periodekolom 'Perioden' gevonden", file=file, row=1)
    rows_read = len(table)
    table = table.assign(_row=range(2, len(table) + 2))
    # Normalised before the gemeente filter: a lower-case `bu00141000` must not fall through it unseen.
    regions = checks.normalise_codes(table[region_column])[0].astype("string")
    if gemeente is not None:
        keep = (regions.str[2:6] == gemeente[2:]) & regions.str[:2].isin(["GM", "WK", "BU"]) | (regions == "NL01")
        table = table[keep.fillna(False)]
    if "Marges" in table.columns:
        table = table[table["Marges"].map(checks.normalise_code) == VALUE_MARGIN]
    codes, note = checks.region_codes(table[region_column], file=file, column=region_column, rows=table["_row"])
    table = table.assign(_region=codes)
    if PERIOD_COLUMN in table.columns:
        periods = table[PERIOD_COLUMN].astype("string").str.strip()
        # A table has a handful of distinct periods: parse each once.
        period_codes, distinct = pd.factorize(periods, use_na_sentinel=True)
        distinct_years = pd.to_numeric(pd.Series(distinct, dtype="string").str.extract(r"^(\d{4})JJ00$")[0],
                                       errors="coerce").to_numpy(dtype="float64")
        years = pd.Series(np.where(period_codes >= 0, distinct_years[np.maximum(period_codes, 0)]
                                   if len(distinct) else np.nan, np.nan), index=periods.index)
        if years.isna().any():
            position = int(years.isna().to_numpy().nonzero()[0][0])
            raise BuildError(
                f"periode {periods.iloc[position]!r} is geen jaarperiode zoals 2020JJ00",
                file=file, row=int(table["_row"].iloc[position]), column=PERIOD_COLUMN,
            )
        # A future edition would become every page's "latest year"; the long CSV refuses it the same way.
        last_year = dt.date.today().year
        wrong = (years < FIRST_YEAR) | (years > last_year)
        if wrong.any():
            position = int(wrong.to_numpy().nonzero()[0][0])
            raise BuildError(
                f"periode {periods.iloc[position]!r} ligt niet tussen {FIRST_YEAR} en {last_year}",
                file=file, row=int(table["_row"].iloc[position]), column=PERIOD_COLUMN,
            )
    else:
        years = pd.Series(cbs.period_year(str(period)), index=table.index)
    ages = _age_groups(table["Leeftijd"], file) if "Leeftijd" in table.columns else "totaal"
    base = pd.DataFrame(
        {"region_code": table["_region"], "year": years.astype("int64"), "age_group": ages, "row": table["_row"]}
    )
    parts, missing_parts = [], []
    for column in _measure_columns(table.columns, properties):
        values = checks.numbers(table[column], file=file, column=column, rows=table["_row"])
        part = base.assign(indicator_code=cbs.indicator_code(column), value=values.to_numpy())
        parts.append(part[part["value"].notna()])
        # Recorded here, where the symbol is still visible, so pages can say why a value is missing.
        symbols = cbs.missing_symbols(table[column])
        missing_parts.append(base.assign(indicator_code=cbs.indicator_code(column), symbol=symbols.to_numpy())
                             [symbols.notna().to_numpy()])
    long = pd.concat(parts, ignore_index=True) if parts else empty_observations()
    long = long.assign(source_id=source_id, file=str(file))[OBSERVATION_COLUMNS]
    names = pd.DataFrame(columns=["region_code", "name"])
    if "Gemeentenaam_1" in table.columns:
        is_gm = table["_region"].str.startswith("GM")
        names = pd.DataFrame(
            {"region_code": table.loc[is_gm, "_region"],
             "name": table.loc[is_gm, "Gemeentenaam_1"].astype("string").str.strip()}
        ).drop_duplicates("region_code")
    metadata = pd.DataFrame(
        [
            {"indicator_code": cbs.indicator_code(key), "label": p.get("Title"), "unit": p.get("Unit"),
             "decimals": p.get("Decimals")}
            for key, p in properties.items()
            if p.get("Type") == "Topic" and p.get("Datatype") != "String"
        ],
        columns=["indicator_code", "label", "unit", "decimals"],
    )
    missing = (pd.concat(missing_parts, ignore_index=True).assign(source_id=source_id)[MISSING_COLUMNS]
               if missing_parts else empty_missing())
    return SourceFrame(observations=long, regions=names, metadata=metadata, files=[file], rows_read=rows_read,
                       notes=[note] if note else [], missing=missing)


def _json_table(path: Path, period: str | None) -> pd.DataFrame:
    data = checks.read_json(path)
    if isinstance(data, dict) and isinstance(data.get("value"), list):
        return pd.DataFrame(data["value"]).astype("object")
    if isinstance(data, list):
        return pd.DataFrame(data).astype("object")
    if isinstance(data, dict) and all(isinstance(v, dict) for v in data.values()):
        if period is None:
            raise BuildError(
                "JSON per regio zonder periode: zet 'period' (bijv. 2024JJ00) bij deze bron in sources.toml",
                file=path,
            )
        frame = pd.DataFrame.from_dict(data, orient="index").astype("object")
        return frame.rename_axis("WijkenEnBuurten").reset_index()
    raise BuildError("onbekende JSON-vorm: verwacht OData {'value': [...]} of {regio: {meting: waarde}}", file=path)


def read_statline(
    path: Path,
    *,
    source_id: str,
    gemeente: str | None,
    data_properties: Path | None = None,
    period: str | None = None,
) -> SourceFrame:
    properties = read_data_properties(data_properties)
    table = _json_table(path, period) if path.suffix.lower() == ".json" else read_table(path)
    return frame_to_long(
        table, file=path, source_id=source_id, gemeente=gemeente, properties=properties, period=period
    )
