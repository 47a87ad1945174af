"""Page state of the Procesmonitor: the URL <-> widget wiring, so the page only places widgets. Uses Streamlit
(session state, query parameters); the parsing it relies on is pure and tested in `log`.

Every filter a user sets is in the address bar through the kernel's `url_state`, and a copied link gives the
same selection on a fresh session (tested with AppTest).
"""

from __future__ import annotations

import streamlit as st

from wijkmonitor.common import dutch_ui as nl
from wijkmonitor.common import url_state as params
from wijkmonitor.process import log
from wijkmonitor.texts import proces as ptxt

MEMO = "proces_url_state"
PARAMS = ("area", "years", "types", "measure")
K_AREA, K_YEARS, K_TYPES, K_MEASURE = "proces_area", "proces_years", "proces_types", "proces_measure"


def read_link(opts: log.ProcessOptions) -> list[str]:
    """Apply a Procesmonitor link that is news: area, years ('2019-2023'), types ('a,b'), measure."""
    news = params.incoming(PARAMS, MEMO)
    if news is None:
        return []
    chosen, messages = log.parse_link(news, opts)
    st.session_state[K_AREA] = chosen.area
    if len(opts.years) > 1:
        st.session_state[K_YEARS] = (chosen.first_year, chosen.last_year)
    st.session_state[K_TYPES] = list(chosen.activity_types)
    st.session_state[K_MEASURE] = chosen.measure
    return messages


def filter_widgets(opts: log.ProcessOptions) -> log.ProcessFilters:
    col_area, col_years, col_types = st.columns([2, 2, 3])
    params.ensure(K_AREA, list(opts.areas), log.ALL)
    col_area.selectbox(ptxt.W_AREA, list(opts.areas), format_func=opts.areas.__getitem__, key=K_AREA,
                       placeholder=nl.PLACEHOLDER_SELECT)
    first, last = opts.years[0], opts.years[-1]
    if len(opts.years) > 1:
        # The default makes it a range slider; a link's years come in through session state (only a log line).
        first, last = col_years.select_slider(ptxt.W_YEARS, opts.years, value=(first, last), key=K_YEARS)
    kept = [t for t in st.session_state.get(K_TYPES) or [] if t in opts.activity_types]
    st.session_state[K_TYPES] = kept
    types = col_types.multiselect(ptxt.W_TYPES, opts.activity_types, key=K_TYPES,
                                  placeholder=ptxt.TYPES_PLACEHOLDER)
    params.ensure(K_MEASURE, list(ptxt.MEASURES), "activities")
    return log.ProcessFilters(area=st.session_state[K_AREA], first_year=int(first), last_year=int(last),
                                  activity_types=tuple(types))


def publish(filters: log.ProcessFilters, opts: log.ProcessOptions) -> None:
    """Write the Procesmonitor's state (after the measure radio has been drawn) to the URL."""
    params.publish(log.to_link(filters, st.session_state[K_MEASURE], opts), MEMO, PARAMS)




def measure_widget() -> str:
    """The measure of the time section (activities, participants, reached); the URL follows it."""
    st.radio(ptxt.W_MEASURE, list(ptxt.MEASURES), format_func=ptxt.MEASURES.__getitem__, horizontal=True,
             key=K_MEASURE)
    return str(st.session_state[K_MEASURE])


def measure() -> str:
    return str(st.session_state[K_MEASURE])
