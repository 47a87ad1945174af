"""Cached data calls of the Programma-overzicht: named queries fed to the pure views, cached with the kernel's
`@cached` (keyed on the pinned build). Each may raise `DataUnavailable`; the page calls them inside
`data_guard()`."""

from __future__ import annotations

import pandas as pd
import pydeck as pdk

from wijkmonitor.common.data import cached, query
from wijkmonitor.common.load import area_shapes, base_map, catalog, city_rows, units, wijk_notes
from wijkmonitor.overview import maps, matrix, views

__all__ = ["area_shapes", "city_headlines", "overview_map", "overview_view", "theme_coverage"]


@cached(max_entries=8)
def overview_view() -> views.OverviewView:
    return views.overview_view(matrix.matrix(query("gap_areas_all"), catalog(), units(), wijk_notes()))


@cached(max_entries=8)
def theme_coverage() -> list[matrix.ThemeCoverage]:
    """Per NPLV theme what the build has, or what is missing and which sources would fill it."""
    return matrix.theme_coverage(query("coverage_themes"))


@cached(max_entries=8)
def overview_map() -> pdk.Deck | None:
    base = base_map()
    if base.empty:
        return None
    return maps.programme_map(base, area_shapes())


@cached(max_entries=8)
def city_headlines() -> pd.DataFrame:
    cat = catalog()
    rows = {code: city_rows(code, age) for code, age, _year in cat.headline_choices()}
    return matrix.city_table(cat, rows)
