"""CBS wijk- en buurtkaart attributes: the key figures CBS publishes as columns of its neighbourhood map.

Columns such as `AANT_INW`, `AANTAL_HH`, `P_65_EO_JR`; CBS writes `-99999999` for missing or secret figures,
which becomes a missing value. Only attributes that the indicator catalogue knows (by alias) are kept.
"""

from __future__ import annotations

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

CODE_COLUMNS = (("BU_CODE", "BU_NAAM"), ("WK_CODE", "WK_NAAM"), ("GM_CODE", "GM_NAAM"))


def read_kwbmap(
    path: Path, *, source_id: str, year: int, aliases: dict[str, str], gemeente: str | None
) -> SourceFrame:
    data = checks.read_json(path)
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        raise BuildError("geen GeoJSON FeatureCollection: de lijst 'features' ontbreekt", file=path)
    records = []
    for index, feature in enumerate(features, start=1):
        properties = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(properties, dict):
            raise BuildError("gebied zonder kenmerken ('properties' is geen object)", file=path, row=index + 1)
        records.append(properties)
    table = pd.DataFrame.from_records(records) if records else pd.DataFrame()
    rows_read = len(table)
    # The most specific code column that holds codes: CBS's wijk map carries an empty BU_CODE column.
    code_column, name_column = next(((c, n) for c, n in CODE_COLUMNS
                                     if c in table.columns and table[c].notna().any()), (None, None))
    if code_column is None or name_column is None:
        raise BuildError("geen kolom BU_CODE, WK_CODE of GM_CODE gevonden", file=path, row=1)
    table = table.assign(_row=range(2, len(table) + 2))
    table = table.assign(_code=table[code_column].map(checks.normalise_code))
    if gemeente is not None:
        table = table[table["_code"].map(cbs.gemeente_of) == gemeente]
    codes, note = checks.region_codes(table[code_column], file=path, column=code_column, rows=table["_row"])
    table = table.assign(_code=codes)
    parts, missing_parts = [], []
    for column in table.columns:
        code = aliases.get(column)
        if code is None:
            continue
        values = checks.numbers(table[column], file=path, column=column, rows=table["_row"])
        part = pd.DataFrame(
            {"region_code": table["_code"], "year": year, "indicator_code": code, "age_group": "totaal",
             "value": values.to_numpy(), "row": table["_row"]}
        )
        parts.append(part[part["value"].notna()])
        # Why a figure is absent: the map's -99999999 ("x": secret) or an empty attribute (""), see
        # missing_values.sql.
        absent = part["value"].isna().to_numpy()
        symbols = cbs.missing_symbols(table[column]).fillna("").to_numpy()
        missing_parts.append(part.loc[absent, ["region_code", "year", "indicator_code", "age_group"]].assign(
            symbol=symbols[absent]))
    long = pd.concat(parts, ignore_index=True) if parts else empty_observations()
    long = long.assign(source_id=source_id, file=str(path))[OBSERVATION_COLUMNS]
    # A map without the name column still has figures: the build then names the areas from elsewhere.
    raw_names = table[name_column] if name_column in table.columns else pd.Series(None, index=table.index)
    names = pd.DataFrame({"region_code": table["_code"],
                          "name": raw_names.map(lambda n: "" if n is None or n != n else str(n).strip())})
    names = names[names["name"] != ""]
    missing = (pd.concat(missing_parts, ignore_index=True).assign(source_id=source_id)[MISSING_COLUMNS]
               if missing_parts else empty_missing())
    return SourceFrame(observations=long, regions=names, files=[path], rows_read=rows_read,
                       notes=[note] if note else [], missing=missing)
