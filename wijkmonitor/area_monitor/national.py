"""The comparison with the Netherlands, next to the one with the city, for indicators with a national
reference (the Leefbaarometer measures every wijk against one fixed national reference value).

Pure: `area_monitor_national` rows in, Dutch lines and a table out.
"""

from __future__ import annotations

import pandas as pd

from wijkmonitor.common import fmt
from wijkmonitor.common.indicators import Indicator
from wijkmonitor.texts import gebied as txt


def _line(row: dict[str, object], ind: Indicator, name: str) -> str:
    position = str(row.get("position_nl") or "")
    return txt.NATIONAL_LINE.format(
        name=name, year=int(str(row["year"])), value=fmt.value(row.get("value"), ind.unit, ind.decimals),
        deviation=fmt.difference(row.get("deviation"), ind.unit, ind.decimals, signed=True),
        reference=fmt.number(row.get("national_reference"), ind.decimals),
        position=txt.NATIONAL_POSITION.get(position, position),
    )


def lines(rows: pd.DataFrame, ind: Indicator, unit_name: str, city_name: str, year: int) -> list[str]:
    """The unit and the city against the Netherlands in the chosen edition (the newest before it if the unit
    has none that year); empty when the indicator has no national reference."""
    if rows.empty or not ind.national_deviation:
        return []
    out = []
    for is_city, name in ((False, unit_name), (True, city_name)):
        own = rows[(rows["is_city"].astype(bool) == is_city) & (rows["year"] <= year)]
        own = own[own["value"].notna()].sort_values("year")
        if own.empty:
            continue
        label = name
        if is_city:
            method = txt.CITY_METHOD_WORDS.get(str(own["city_method"].iloc[-1]))
            label = f"{name}, {method}," if method else name
        out.append(_line(fmt.records(own.tail(1))[0], ind, label))
    if len(out) == 2 and out[0] == out[1]:
        out = out[:1]  # the unit is the city itself
    return out


def table(rows: pd.DataFrame, ind: Indicator) -> pd.DataFrame:
    """Every edition of the unit and the city against the national reference, for the download."""
    d = ind.decimals
    return pd.DataFrame({
        txt.COL_NAME: rows["unit_name"].astype(str).to_numpy(),
        txt.COL_YEAR: rows["year"].astype(int).to_numpy(),
        f"{ind.label} ({ind.unit})": rows["value"].round(d).to_numpy(),
        txt.COL_NATIONAL_REFERENCE: rows["national_reference"].round(d).to_numpy(),
        txt.COL_NATIONAL_DEVIATION: rows["deviation"].round(d).to_numpy(),
        txt.COL_NATIONAL_POSITION: [txt.NATIONAL_POSITION.get(str(p), "") for p in rows["position_nl"]],
    })
