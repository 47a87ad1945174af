"""Broken and hostile inputs, written in code for the Proefstad municipality of `tests/fixtures_build.py`.

Every function returns bytes or text to be written into a source or config folder, so each case of the
catalogue builds in well under a second and no file from ../shared/data is ever copied.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl

from tests.fixtures_build import LONG_ROWS
from tests.test_registers import HOSTILE, good_intervention, good_log, password_protected_workbook
from wijkmonitor.registers import INTERVENTIONS, PROCESS_LOG

# A StatLine table (RIVM 50090NED layout) for Proefstad: region codes padded to 10 characters as CBS does.
STATLINE_HEADER = ["ID", "Leeftijd", "Marges", "WijkenEnBuurten", "Perioden", "Eenzaam_28"]
STATLINE_ROWS: list[list[str]] = [
    ["0", "20300", "MW00000", "GM9999    ", "2016JJ00", "15"],
    ["1", "20300", "MW00000", "GM9999    ", "2020JJ00", "12"],
    ["2", "20300", "MW00000", "BU99990001", "2016JJ00", "10"],
    ["3", "20300", "MW00000", "BU99990001", "2020JJ00", "10"],
    ["4", "20300", "MW00000", "BU99990002", "2020JJ00", "20"],
    ["5", "20300", "MW00000", "BU99990003", "2020JJ00", "11"],
]
STATLINE_CSV = "indicators/tabel.csv"
STATLINE_XLSX = "indicators/tabel.xlsx"
ODATA_TABLE = "50090NED"
ODATA_BASE = "https://opendata.example.invalid/ODataApi/odata"


def statline_sources(path: str) -> str:
    """sources.toml with one StatLine source at `path` (also fetchable through OData as table 50090NED)."""
    return (
        f'[[sources]]\nid = "rivm"\nadapter = "statline"\npaths = ["{path}"]\n'
        f'odata_table = "{ODATA_TABLE}"\nboundary_year = 2022\n'
    )


def statline_csv(rows: Sequence[Sequence[str]] = STATLINE_ROWS, header: Sequence[str] = STATLINE_HEADER, *,
                 delimiter: str = ",", encoding: str = "utf-8") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def statline_xlsx(rows: Sequence[Sequence[str]] = STATLINE_ROWS, header: Sequence[str] = STATLINE_HEADER) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def truncated(data: bytes) -> bytes:
    """The first third of a file: what a broken download or a full disk leaves behind."""
    return data[: len(data) // 3]


def statline_csv_without(column: str) -> bytes:
    """The StatLine table as CSV without one of its columns."""
    index = STATLINE_HEADER.index(column)
    return statline_csv([[c for i, c in enumerate(row) if i != index] for row in STATLINE_ROWS],
                        [h for i, h in enumerate(STATLINE_HEADER) if i != index])


def long_csv(rows: Sequence[tuple[str, int, str, str]], *, region_name: str | None = None, delimiter: str = ",",
             encoding: str = "utf-8") -> bytes:
    """The long format of `tests/fixtures_build.py`, optionally with a region_name column and another encoding."""
    header = ["region_code", "year", "indicator_code", "value"] + (["region_name"] if region_name else [])
    lines = [delimiter.join(header)]
    for region, year, indicator, value in rows:
        cells = [region, str(year), indicator, value] + ([region_name] if region_name else [])
        lines.append(delimiter.join(cells))
    return ("\n".join(lines) + "\n").encode(encoding)


# ------------------------------------------------------------------------------------------------ OData

def odata_payloads(rows: Sequence[Sequence[str]] = STATLINE_ROWS) -> dict[str, dict[str, Any]]:
    """The answers of the OData API for the StatLine table above, by the part of the url they answer."""
    typed = [dict(zip(STATLINE_HEADER, row, strict=True)) | {"ID": int(row[0]), "Eenzaam_28": float(row[5])}
             for row in rows]
    properties = [
        {"odata.type": "Cbs.OData.Dimension", "ID": 0, "Key": "Leeftijd", "Type": "Dimension"},
        {"odata.type": "Cbs.OData.Topic", "ID": 5, "Key": "Eenzaam_28", "Title": "Eenzaam", "Type": "Topic",
         "Datatype": "Double", "Unit": "%", "Decimals": 1},
    ]
    return {"DataProperties": {"value": properties}, "TypedDataSet": {"value": typed}}


def odata_answer(url: str, payloads: dict[str, Any]) -> Any:
    part = "DataProperties" if "/DataProperties" in url else "TypedDataSet"
    return payloads[part]


# ------------------------------------------------------------------------------------------- registers

INTERVENTION_ID = "wijkbedrijf-noord"
HOSTILE_LOG = {"raised": "1; DELETE FROM process_log; --", "lessons": "<i>les</i> <script>alert(2)</script>"}


# An intervention name that Markdown would format: italics, bold, a link and LaTeX instead of the name as written.
MARKDOWN_NAME = "Buurt_werk_ **Noord** [meer](https://example.org) $5$ plan"


def hostile_registers(folder: Path, **text: str) -> str:
    """Register CSVs for Proefstad whose text cells hold HTML and SQL (or `text`); returns registers.toml."""
    folder.mkdir(parents=True, exist_ok=True)
    intervention = good_intervention(id=INTERVENTION_ID, areas="noord", theme="meedoen",
                                     programmes="wijkvernieuwing", goal_indicators="Eenzaam", **(text or HOSTILE))
    log = good_log(area="noord", decision_or_intervention_id=INTERVENTION_ID, **HOSTILE_LOG)
    paths = {}
    for key, sheet, row in (("interventions", INTERVENTIONS, intervention), ("process_log", PROCESS_LOG, log)):
        path = folder / f"{sheet.sheet}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(sheet.names)
            writer.writerow([row.get(name, "") for name in sheet.names])
        paths[key] = path
    return "[registers]\n" + "".join(f'{key} = "{path}"\n' for key, path in paths.items())


# ---------------------------------------------------------------------------------------- boundaries

BOUNDARY_FILE = "geo/proefstad_buurt_2022.geojson"
_SQUARES = {"BU99990001": 0.0, "BU99990002": 0.01, "BU99990003": 0.02}


def _ring(x: float) -> list[list[float]]:
    return [[x, 0.0], [x + 0.01, 0.0], [x + 0.01, 0.01], [x, 0.01], [x, 0.0]]


def boundaries(first: object = None, *, code: str = "BU99990001", extra: Sequence[object] = ()) -> bytes:
    """Proefstad's buurt boundaries with the first buurt's geometry replaced by `first` (unless None) and
    written under `code`; `extra` features are appended as given."""
    features: list[object] = []
    for buurt, x in _SQUARES.items():
        geometry = {"type": "Polygon", "coordinates": [_ring(x)]}
        if buurt == "BU99990001":
            geometry = geometry if first is None else first  # type: ignore[assignment]
            buurt = code
        features.append({"type": "Feature", "properties": {"statcode": buurt, "statnaam": buurt},
                         "geometry": geometry})
    return json.dumps({"type": "FeatureCollection", "features": [*features, *extra]}).encode()


# A bow tie: the ring crosses itself at (0.005, 0.005).
SELF_INTERSECTING = {"type": "Polygon", "coordinates": [[[0, 0], [0.01, 0.01], [0.01, 0], [0, 0.01], [0, 0]]]}
TOO_FEW_POINTS = {"type": "Polygon", "coordinates": [[[0, 0], [0.01, 0.01], [0, 0]]]}
EMPTY_POLYGON = {"type": "Polygon", "coordinates": []}
A_POINT = {"type": "Point", "coordinates": [0.005, 0.005]}
# Rijksdriehoek metres instead of WGS84 degrees: what a *_rd.geojson holds.
RD_METRES = {"type": "Polygon", "coordinates": [[[233000, 582000], [234000, 582000], [234000, 583000],
                                                 [233000, 582000]]]}


# ------------------------------------------------------------------------------------ numbers, headers

def long_csv_text(*lines: str, header: str = "region_code,year,indicator_code,value") -> bytes:
    """A long CSV: Proefstad's good rows, then `lines` as written."""
    good = [f"{r},{y},{i},{v}" for r, y, i, v in LONG_ROWS]
    return ("\n".join([header, *good, *lines]) + "\n").encode()


def duplicated_statline_header() -> list[str]:
    """The StatLine header with its measure twice: pandas would read the second as `Eenzaam_28.1`."""
    return [*STATLINE_HEADER, "Eenzaam_28"]


# --------------------------------------------------------------------------------------------- files

def fifo(path: Path) -> None:
    os.mkfifo(path)


def directory(path: Path) -> None:
    path.mkdir()


def dev_null(path: Path) -> None:
    path.symlink_to("/dev/null")


__all__ = ["password_protected_workbook"]  # made in test_registers; the catalogue takes it from here


def register_files(folder: Path, **changes: str) -> str:
    """One intervention for Proefstad (with `changes`) as a register CSV; returns registers.toml."""
    folder.mkdir(parents=True, exist_ok=True)
    row = good_intervention(id=INTERVENTION_ID, areas="noord", theme="meedoen", programmes="wijkvernieuwing",
                            goal_indicators="Eenzaam", **changes)
    path = folder / "interventies.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(INTERVENTIONS.names)
        writer.writerow([row.get(name, "") for name in INTERVENTIONS.names])
    return f'[registers]\ninterventions = "{path}"\n'
