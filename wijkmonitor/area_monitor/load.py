"""Cached data calls of the two pages: named queries (via `wijkmonitor.common.data.query`) fed to the pure views.

Every key holds the database file's stamp, so a rebuilt file is never answered from an old cache. Finished
sections (figures, decks, sentences, tables, CSV bytes) are kept with `st.cache_resource`: pickling a plotly
Figure or a Deck for `st.cache_data` costs more than building it, and nothing downstream mutates them
(`st.plotly_chart` serialises a copy, `st.pydeck_chart` calls `to_json`). Each function may raise
`DataUnavailable`; pages call them inside `data_guard()`.
"""

from __future__ import annotations

import pandas as pd
import pydeck as pdk
import streamlit as st

from wijkmonitor.access.session import query_for_viewer
from wijkmonitor.area_monitor import maps, national, options, overview, views
from wijkmonitor.common.data import current_stamp, meta, query
from wijkmonitor.errors import DataUnavailable

Stamp = tuple[int, int, int]
_SECTIONS = 64  # cached map, trend and area sections (each well under a megabyte)
MARKER_COLUMNS = ["intervention_id", "name", "start_date", "status", "is_example", "aims_at_indicator"]


def stamp() -> Stamp:
    """The file version this script run reads (pinned per run), so a section never mixes two builds."""
    return current_stamp()


@st.cache_resource(ttl=3600, max_entries=8, show_spinner=False)
def _catalog(file_stamp: Stamp) -> options.Catalog:
    return options.catalog(query("indicator_options"))


def catalog() -> options.Catalog:
    return _catalog(stamp())


@st.cache_resource(ttl=3600, max_entries=8, show_spinner=False)
def _units(file_stamp: Stamp) -> options.Units:
    return options.units(query("area_monitor_units"))


def units() -> options.Units:
    return _units(stamp())


@st.cache_resource(ttl=3600, max_entries=8, show_spinner=False)
def _area_shapes(file_stamp: Stamp) -> tuple[pd.DataFrame, dict[str, str]]:
    outlines = query("area_outlines")
    return maps.dissolve(outlines), maps.membership(outlines)


def area_shapes() -> pd.DataFrame:
    """One dissolved outline per renewal area (empty without boundaries or renewal areas)."""
    return _area_shapes(stamp())[0]


def area_members() -> dict[str, str]:
    """Buurt code -> name of the renewal area it belongs to."""
    return _area_shapes(stamp())[1]


def markers(unit_code: str, indicator: str) -> pd.DataFrame:
    """Interventions in a unit; empty when the register tables are absent or empty."""
    try:
        return query_for_viewer("area_monitor_intervention_markers", unit_code=unit_code, indicator=indicator)
    except DataUnavailable:
        # The registers are another issue's tables: without them the chart simply has no markers.
        return pd.DataFrame(columns=MARKER_COLUMNS)


def _city_rows(indicator: str, age: str) -> pd.DataFrame:
    return query("area_monitor_city_trend", indicator=indicator, age_group=age)


@st.cache_resource(ttl=3600, max_entries=_SECTIONS, show_spinner=False)
def _map_view(file_stamp: Stamp, indicator: str, age: str, year: int, level: str, selected: str | None
              ) -> views.MapView:
    cat = catalog()
    rows = query("area_monitor_map", indicator=indicator, age_group=age, year=year, level=level)
    return views.map_view(rows, _city_rows(indicator, age), cat.indicators[indicator],
                          cat.age_label(indicator, age), year, level, area_shapes(), selected, area_members(),
                          _min_population())


def _min_population() -> int | None:
    """gaps.is_small's threshold from build_meta (None in a file built before it was recorded)."""
    frame = query("build_meta")
    values = frame.loc[frame["key"] == "min_population_named", "value"]
    return int(values.iloc[0]) if len(values) else None


def map_view(indicator: str, age: str, year: int, level: str, selected: str | None) -> views.MapView:
    return _map_view(stamp(), indicator, age, year, level, selected)


@st.cache_resource(ttl=3600, max_entries=_SECTIONS, show_spinner=False)
def _trend_view(file_stamp: Stamp, unit_code: str, city_name: str, indicator: str, age: str, year: int
                ) -> views.TrendView:
    cat = catalog()
    known = units()
    unit_rows = query("gap_trend_unit", unit_code=unit_code, indicator=indicator, age_group=age)
    ind = cat.indicators[indicator]
    name = known.names.get(unit_code, unit_code)
    why = (overview.why_missing(ind, unit_code, name, wijk_notes())
           if known.types.get(unit_code) == "area" else None)
    return views.trend_view(name, known.types.get(unit_code, ""), city_name,
                            ind, cat.age_label(indicator, age), year, unit_rows,
                            _city_rows(indicator, age), markers(unit_code, indicator),
                            query("area_monitor_definition_changes"), unit_code, meta().get("gemeente_code"), why)


def trend_view(unit_code: str, city_name: str, indicator: str, age: str, year: int) -> views.TrendView:
    return _trend_view(stamp(), unit_code, city_name, indicator, age, year)


@st.cache_resource(ttl=3600, max_entries=_SECTIONS, show_spinner=False)
def _areas_view(file_stamp: Stamp, indicator: str, age: str, year: int) -> views.AreasView:
    cat = catalog()
    known = units()
    rows = query("gap_areas_all")
    rows = rows[(rows["indicator_code"] == indicator) & (rows["age_group"] == age)]
    names = {a: known.names[a] for a in known.areas()}
    return views.areas_view(rows, _city_rows(indicator, age), cat.indicators[indicator],
                            cat.age_label(indicator, age), year, names, known.kinds)


def areas_view(indicator: str, age: str, year: int) -> views.AreasView:
    return _areas_view(stamp(), indicator, age, year)


@st.cache_resource(ttl=3600, max_entries=8, show_spinner=False)
def _overview_view(file_stamp: Stamp) -> views.OverviewView:
    notes = overview.wijk_notes(query("area_monitor_wijk_notes"))
    return views.overview_view(overview.matrix(query("gap_areas_all"), catalog(), units(), notes))


def overview_view() -> views.OverviewView:
    return _overview_view(stamp())


@st.cache_resource(ttl=3600, max_entries=8, show_spinner=False)
def _theme_coverage(file_stamp: Stamp) -> list[overview.ThemeCoverage]:
    return overview.theme_coverage(query("coverage_themes"))


def theme_coverage() -> list[overview.ThemeCoverage]:
    """Per NPLV theme what the build has, or what is missing and which sources would fill it."""
    return _theme_coverage(stamp())


@st.cache_resource(ttl=3600, max_entries=8, show_spinner=False)
def _wijk_notes(file_stamp: Stamp) -> dict[str, str]:
    return overview.wijk_notes(query("area_monitor_wijk_notes"))


def wijk_notes() -> dict[str, str]:
    """area_id -> why a wijk-only source has no value for it."""
    return _wijk_notes(stamp())


@st.cache_resource(ttl=3600, max_entries=8, show_spinner=False)
def _overview_map(file_stamp: Stamp) -> pdk.Deck | None:
    base = query("area_monitor_base_map", level="buurt")
    if base.empty:
        return None
    return maps.overview(base, area_shapes())


def overview_map() -> pdk.Deck | None:
    return _overview_map(stamp())


@st.cache_resource(ttl=3600, max_entries=8, show_spinner=False)
def _city_headlines(file_stamp: Stamp) -> pd.DataFrame:
    cat = catalog()
    rows = {code: _city_rows(code, age) for code, age, _year in cat.headline_choices()}
    return overview.city_table(cat, rows)


def city_headlines() -> pd.DataFrame:
    return _city_headlines(stamp())


@st.cache_resource(ttl=3600, max_entries=_SECTIONS, show_spinner=False)
def _national(file_stamp: Stamp, unit_code: str, city_name: str, indicator: str, year: int
              ) -> tuple[list[str], pd.DataFrame]:
    ind = catalog().indicators[indicator]
    if not ind.national_deviation:
        return [], pd.DataFrame()
    rows = query("area_monitor_national", unit_code=unit_code, indicator=indicator)
    name = units().names.get(unit_code, unit_code)
    return national.lines(rows, ind, name, city_name, year), national.table(rows, ind)


def national_comparison(unit_code: str, city_name: str, indicator: str, year: int) -> tuple[list[str], pd.DataFrame]:
    """The unit and the city against the Netherlands (lines and table); empty without a national reference."""
    return _national(stamp(), unit_code, city_name, indicator, year)
