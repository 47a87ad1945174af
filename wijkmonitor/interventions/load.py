"""Cached data calls of the Interventiemonitor and the Procesmonitor: named queries (through
`wijkmonitor.common.data.query`) fed to the pure views. The only module of this package that uses Streamlit.

Every key holds the database file's stamp, so a rebuilt file is never answered from an old cache. Finished
views (plotly Figures, a pydeck Deck, tables, card texts) are kept with `st.cache_resource`, as the
Gebiedsmonitor does: pickling a Figure or Deck for `st.cache_data` on every lookup costs more than building it,
and nothing downstream mutates them. Query frames themselves are cached by `query` (st.cache_data). Each
function may raise `DataUnavailable`; pages call them inside `data_guard()`.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from wijkmonitor.access.session import query_for_viewer, viewer_roles
from wijkmonitor.area_monitor import load as gebied_load
from wijkmonitor.common.data import current_stamp, meta, query
from wijkmonitor.interventions import model, process, views
from wijkmonitor.interventions.filters import Filters, Options, options

__all__ = ["filter_options", "intervention_view", "meta", "process_options", "process_rows", "process_view",
           "register", "stamp"]

Stamp = tuple[int, int, int]
_VIEWS = 64  # cached selections per page (each a few hundred kB at most)


def stamp() -> Stamp:
    # The file version pinned for this script run, so the views and their queries come from one build.
    return current_stamp()


@st.cache_resource(ttl=3600, max_entries=4, show_spinner=False)
def _register(file_stamp: Stamp, roles: tuple[str, ...]) -> model.Register:
    return model.build_register(
        query_for_viewer("interventions_list"),
        query_for_viewer("interventions_areas"),
        query_for_viewer("interventions_programmes"),
        query_for_viewer("interventions_results"),
        query("interventions_indicator_labels"),
        query("interventions_area_options"),
    )


def register() -> model.Register:
    return _register(stamp(), viewer_roles())


@st.cache_resource(ttl=3600, max_entries=4, show_spinner=False)
def _options(file_stamp: Stamp, roles: tuple[str, ...]) -> Options:
    return options(_register(file_stamp, roles))


def filter_options() -> Options:
    return _options(stamp(), viewer_roles())


@st.cache_resource(ttl=3600, max_entries=4, show_spinner=False)
def _base_map(file_stamp: Stamp) -> pd.DataFrame:
    # The Gebiedsmonitor's own background query: the gemeente's buurten in the map year.
    return query("area_monitor_base_map", level="buurt")


@st.cache_resource(ttl=3600, max_entries=_VIEWS, show_spinner=False)
def _intervention_view(
    file_stamp: Stamp, roles: tuple[str, ...], key: tuple[str, ...], today: dt.date
) -> views.InterventionView:
    filters = Filters(*key)
    return views.intervention_view(
        _register(file_stamp, roles), filters, gebied_load.area_shapes(), _base_map(file_stamp), today
    )


def intervention_view(filters: Filters) -> views.InterventionView:
    # Today is part of the key: the timeline draws open-ended interventions up to today.
    return _intervention_view(stamp(), viewer_roles(), filters.key(), dt.date.today())


@st.cache_resource(ttl=3600, max_entries=4, show_spinner=False)
def _process_rows(file_stamp: Stamp, roles: tuple[str, ...]) -> tuple[pd.DataFrame, pd.DataFrame, model.Areas]:
    areas = model.areas_from_frame(query("interventions_area_options"))
    return process.prepare(query_for_viewer("process_log"), areas), query("process_population"), areas


def process_options() -> process.ProcessOptions:
    log, _population, areas = _process_rows(stamp(), viewer_roles())
    return process.options(log, areas)


def process_rows(filters: process.ProcessFilters) -> pd.DataFrame:
    log, _population, areas = _process_rows(stamp(), viewer_roles())
    return process.apply(log, filters, areas)


@st.cache_resource(ttl=3600, max_entries=_VIEWS, show_spinner=False)
def _process_view(
    file_stamp: Stamp, roles: tuple[str, ...], filters: process.ProcessFilters, measure: str
) -> views.ProcessView:
    log, population, areas = _process_rows(file_stamp, roles)
    return views.process_view(
        process.apply(log, filters, areas), population, measure, process.total_row(filters.area, areas)
    )


def process_view(filters: process.ProcessFilters, measure: str) -> views.ProcessView:
    return _process_view(stamp(), viewer_roles(), filters, measure)
