"""Cached data calls of the Gebiedsmonitor: named queries (via `wijkmonitor.common.data.query`) fed to the pure
views.

Every loader is cached with the kernel's `@cached`, keyed on the pinned build stamp and the viewer's roles, so a
rebuilt file is never answered from an old cache. Finished sections (figures, decks, sentences, tables) are kept
as they are: nothing downstream mutates them (`st.plotly_chart` serialises a copy, `st.pydeck_chart` calls
`to_json`). The catalogue, units and renewal-area outlines several pages share come from
`wijkmonitor.common.load`. Each function may raise `DataUnavailable`; pages call them inside `data_guard()`.
"""

from __future__ import annotations

import pandas as pd

from wijkmonitor.access.session import query_for_viewer
from wijkmonitor.area_monitor import national, views
from wijkmonitor.common import indicators
from wijkmonitor.common.data import cached, meta, query
from wijkmonitor.common.load import area_members, area_shapes, catalog, city_rows, units, wijk_notes
from wijkmonitor.errors import DataUnavailable

__all__ = ["areas_view", "catalog", "map_view", "national_comparison", "trend_view", "units"]

_SECTIONS = 64  # cached map, trend and area sections (each well under a megabyte)
MARKER_COLUMNS = ["intervention_id", "name", "start_date", "status", "is_example", "aims_at_indicator"]


def markers(unit_code: str, indicator: str) -> pd.DataFrame:
    """Interventions in a unit; empty when the register tables are absent or empty."""
    try:
        return query_for_viewer("area_monitor_intervention_markers", unit_code=unit_code, indicator=indicator)
    except DataUnavailable:
        # The registers are another issue's tables: without them the chart simply has no markers.
        return pd.DataFrame(columns=MARKER_COLUMNS)


def _min_population() -> int | None:
    """gaps.is_small's threshold from build_meta (None in a file built before it was recorded)."""
    frame = query("build_meta")
    values = frame.loc[frame["key"] == "min_population_named", "value"]
    return int(values.iloc[0]) if len(values) else None


@cached(max_entries=_SECTIONS)
def map_view(indicator: str, age: str, year: int, level: str, selected: str | None) -> views.MapView:
    cat = catalog()
    rows = query("area_monitor_map", indicator=indicator, age_group=age, year=year, level=level)
    return views.map_view(rows, city_rows(indicator, age), cat.indicators[indicator],
                          cat.age_label(indicator, age), year, level, area_shapes(), selected, area_members(),
                          _min_population())


@cached(max_entries=_SECTIONS)
def trend_view(unit_code: str, city_name: str, indicator: str, age: str, year: int) -> views.TrendView:
    cat = catalog()
    known = units()
    unit_rows = query("gap_trend_unit", unit_code=unit_code, indicator=indicator, age_group=age)
    ind = cat.indicators[indicator]
    name = known.names.get(unit_code, unit_code)
    why = (indicators.why_missing(ind, unit_code, name, wijk_notes())
           if known.types.get(unit_code) == "area" else None)
    return views.trend_view(name, known.types.get(unit_code, ""), city_name,
                            ind, cat.age_label(indicator, age), year, unit_rows,
                            city_rows(indicator, age), markers(unit_code, indicator),
                            query("area_monitor_definition_changes"), unit_code, meta().get("gemeente_code"), why)


@cached(max_entries=_SECTIONS)
def areas_view(indicator: str, age: str, year: int) -> views.AreasView:
    cat = catalog()
    known = units()
    rows = query("gap_areas_all")
    rows = rows[(rows["indicator_code"] == indicator) & (rows["age_group"] == age)]
    names = {a: known.names[a] for a in known.areas()}
    return views.areas_view(rows, city_rows(indicator, age), cat.indicators[indicator],
                            cat.age_label(indicator, age), year, names, known.kinds)


@cached(max_entries=_SECTIONS)
def national_comparison(unit_code: str, city_name: str, indicator: str, year: int) -> tuple[list[str], pd.DataFrame]:
    """The unit and the city against the Netherlands (lines and table); empty without a national reference."""
    ind = catalog().indicators[indicator]
    if not ind.national_deviation:
        return [], pd.DataFrame()
    rows = query("area_monitor_national", unit_code=unit_code, indicator=indicator)
    name = units().names.get(unit_code, unit_code)
    return national.lines(rows, ind, name, city_name, year), national.table(rows, ind)
