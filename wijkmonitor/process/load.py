"""Cached data calls of the Procesmonitor: the process log (as this run's viewer may see it), the inhabitants
per area and the programme areas, fed to the pure views and cached with the kernel's `@cached` (keyed on the
pinned build and the viewer's roles). Each may raise `DataUnavailable`; the page calls them inside
`data_guard()`."""

from __future__ import annotations

import pandas as pd

from wijkmonitor.access.session import query_for_viewer
from wijkmonitor.common.areas import Areas
from wijkmonitor.common.data import cached, meta, query
from wijkmonitor.common.load import area_options
from wijkmonitor.process import log, views

__all__ = ["meta", "options", "rows", "view"]

_VIEWS = 64  # cached selections (each a few hundred kB at most)


@cached(max_entries=4)
def _log() -> tuple[pd.DataFrame, pd.DataFrame, Areas]:
    areas = area_options()
    return log.prepare(query_for_viewer("process_log"), areas), query("process_population"), areas


def options() -> log.ProcessOptions:
    rows_, _population, areas = _log()
    return log.options(rows_, areas)


def rows(filters: log.ProcessFilters) -> pd.DataFrame:
    """The activities of the selection (for the lessons)."""
    all_rows, _population, areas = _log()
    return log.apply(all_rows, filters, areas)


@cached(max_entries=_VIEWS)
def view(filters: log.ProcessFilters, measure: str) -> views.ProcessView:
    all_rows, population, areas = _log()
    return views.process_view(log.apply(all_rows, filters, areas), population, measure,
                              log.total_row(filters.area, areas))
