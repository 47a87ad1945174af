"""CBS wijk- en buurtkaart attributes: the key figures CBS publishes as columns of its neighbourhood map.

Columns such as `AANT_INW`, `AANTAL_HH`, `P_65_EO_JR`; CBS writes `-99999999` for missing or secret figures,
which becomes a missing value. Only attributes that the indicator catalogue knows (by alias) are kept.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from wijkmonitor import cbs
from wijkmonitor.adapters import OBSERVATION_COLUMNS, SourceFrame, empty_observations
from wijkmonitor.errors import BuildError

CODE_COLUMNS = (("BU_CODE", "BU_NAAM"), ("WK_CODE", "WK_NAAM"), ("GM_CODE", "GM_NAAM"))


def read_kwbmap(
    path: Path, *, source_id: str, year: int, aliases: dict[str, str], gemeente: str | None
) -> SourceFrame:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        records = [feature["properties"] for feature in data["features"]]
    except FileNotFoundError as exc:
        raise BuildError("bestand niet gevonden", file=path) from exc
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as exc:
        raise BuildError(f"geen geldige GeoJSON met kenmerken per gebied ({exc})", file=path) from exc
    table = pd.DataFrame.from_records(records)
    rows_read = len(table)
    code_column, name_column = next(((c, n) for c, n in CODE_COLUMNS if c in table.columns), (None, None))
    if code_column is None:
        raise BuildError("geen kolom BU_CODE, WK_CODE of GM_CODE gevonden", file=path, row=1)
    table = table.assign(_row=range(2, len(table) + 2), _code=table[code_column].astype(str).str.strip())
    if gemeente is not None:
        table = table[table["_code"].map(cbs.gemeente_of) == gemeente]
    parts = []
    for column in table.columns:
        code = aliases.get(column)
        if code is None:
            continue
        values = cbs.parse_values(table[column], file=path, column=column)
        part = pd.DataFrame(
            {"region_code": table["_code"], "year": year, "indicator_code": code, "age_group": "totaal",
             "value": values.to_numpy(), "row": table["_row"]}
        )
        parts.append(part[part["value"].notna()])
    long = pd.concat(parts, ignore_index=True) if parts else empty_observations()
    long = long.assign(source_id=source_id, file=str(path))[OBSERVATION_COLUMNS]
    names = pd.DataFrame({"region_code": table["_code"], "name": table[name_column].astype(str).str.strip()})
    return SourceFrame(observations=long, regions=names, files=[path], rows_read=rows_read)
