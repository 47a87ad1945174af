"""Cached loaders of what several pages read: the indicator catalogue, the units, the renewal-area outlines, the
gemeente's background map, the programme areas and why a wijk-only source has no value for an area.

Each is cached with `@cached` (keyed on the pinned build), like every feature's own `load.py`. Each may raise
`DataUnavailable`; pages call them inside `data_guard()`.
"""

from __future__ import annotations

import pandas as pd

from wijkmonitor.common import indicators, maps
from wijkmonitor.common.areas import Areas, areas_from_frame
from wijkmonitor.common.data import cached, query


@cached(max_entries=8)
def catalog() -> indicators.Catalog:
    return indicators.catalog(query("indicator_options"))


@cached(max_entries=8)
def units() -> indicators.Units:
    return indicators.units(query("units"))


@cached(max_entries=8)
def _area_shapes() -> tuple[pd.DataFrame, dict[str, str]]:
    outlines = query("area_outlines")
    return maps.dissolve(outlines), maps.membership(outlines)


def area_shapes() -> pd.DataFrame:
    """One dissolved outline per renewal area (empty without boundaries or renewal areas)."""
    return _area_shapes()[0]


def area_members() -> dict[str, str]:
    """Buurt code -> name of the renewal area(s) it belongs to."""
    return _area_shapes()[1]


@cached(max_entries=8)
def base_map() -> pd.DataFrame:
    """The gemeente's buurten in the map year: the grey background of the overview and intervention maps."""
    return query("base_map", level="buurt")


@cached(max_entries=8)
def wijk_notes() -> dict[str, str]:
    """area_id -> why a wijk-only source has no value for it."""
    return indicators.wijk_notes(query("wijk_notes"))


@cached(max_entries=8)
def area_options() -> Areas:
    """The renewal areas a register page filters on, with the wijk-level areas each contains."""
    return areas_from_frame(query("area_options"))


def city_rows(indicator: str, age: str) -> pd.DataFrame:
    """The city's own series of one indicator and age group (`city_trend` rows)."""
    return query("city_trend", indicator=indicator, age_group=age)
