"""Cached data calls of the Interventiemonitor and the Procesmonitor: named queries (through
`wijkmonitor.common.data.query`) fed to the pure views.

Every loader is cached with the kernel's `@cached`, keyed on the pinned build, so a rebuilt file is never
answered from an old cache. Finished views (plotly Figures, a pydeck Deck, tables, card texts) are kept as they
are: nothing downstream mutates them. Each function may raise `DataUnavailable`; pages call them inside
`data_guard()`.

The register itself is read in `register()` only: a role filter on register rows or columns (login roles)
belongs there, and everything else derives from it.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from wijkmonitor.access.session import query_for_viewer
from wijkmonitor.area_monitor import load as gebied_load
from wijkmonitor.common.data import cached, meta, query
from wijkmonitor.interventions import model, process, views
from wijkmonitor.interventions.filters import Filters, Options, options

__all__ = ["filter_options", "intervention_view", "meta", "process_options", "process_rows", "process_view",
           "register"]

_VIEWS = 64  # cached selections per page (each a few hundred kB at most)


@cached(max_entries=4)
def register() -> model.Register:
    return model.build_register(
        # The register tables as this run's viewer may see them (issue 14); `cached` keys by visibility class.
        query_for_viewer("interventions_list"), query_for_viewer("interventions_areas"),
        query_for_viewer("interventions_programmes"), query_for_viewer("interventions_results"),
        query("interventions_indicator_labels"), query("interventions_area_options"),
        query_for_viewer("interventions_partners"), query("partners_all"),
    )


@cached(max_entries=4)
def filter_options() -> Options:
    return options(register())


@cached(max_entries=4)
def _base_map() -> pd.DataFrame:
    # The Gebiedsmonitor's own background query: the gemeente's buurten in the map year.
    return query("area_monitor_base_map", level="buurt")


@cached(max_entries=_VIEWS)
def _intervention_view(filters: Filters, today: dt.date) -> views.InterventionView:
    return views.intervention_view(register(), filters, gebied_load.area_shapes(), _base_map(), today)


def intervention_view(filters: Filters) -> views.InterventionView:
    # Today is part of the key: the timeline draws open-ended interventions up to today.
    return _intervention_view(filters, dt.date.today())


@cached(max_entries=4)
def _process_rows() -> tuple[pd.DataFrame, pd.DataFrame, model.Areas]:
    areas = model.areas_from_frame(query("interventions_area_options"))
    return process.prepare(query_for_viewer("process_log"), areas), query("process_population"), areas


def process_options() -> process.ProcessOptions:
    log, _population, areas = _process_rows()
    return process.options(log, areas)


def process_rows(filters: process.ProcessFilters) -> pd.DataFrame:
    log, _population, areas = _process_rows()
    return process.apply(log, filters, areas)


@cached(max_entries=_VIEWS)
def process_view(filters: process.ProcessFilters, measure: str) -> views.ProcessView:
    log, population, areas = _process_rows()
    return views.process_view(process.apply(log, filters, areas), population, measure,
                              process.total_row(filters.area, areas))
