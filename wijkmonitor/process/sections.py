"""The Procesmonitor's sections drawn with Streamlit, from the view the page has already loaded. No logic:
what is shown is composed in `views`; the status filter, 'show all' toggles and the lesson search are local
to their section."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from wijkmonitor.common import dutch_ui as nl
from wijkmonitor.common import page, sections
from wijkmonitor.common.text import inert
from wijkmonitor.process import log as process
from wijkmonitor.process.views import ProcessView
from wijkmonitor.texts import proces as ptxt


def table(frame: pd.DataFrame, title: str, file_stem: str, key: str) -> None:
    sections.table(frame, title, file_stem, key, label=ptxt.DOWNLOAD)


def time(view: ProcessView, measure: str) -> None:
    """Activities (or participants, or residents reached) per area and year."""
    st.caption(view.time_note)
    if view.heatmap is not None:
        nl.plotly_chart(view.heatmap, key="proces_heatmap",
                        alt=ptxt.CHART_ALT_HEATMAP.format(measure=ptxt.MEASURES[measure].lower()))
    table(view.time_table, ptxt.TABLE_TIME, "activiteiten_per_gebied", "proces_dl_time")


def reach(view: ProcessView) -> None:
    st.header(ptxt.H_REACH, divider="gray")
    st.caption(view.reach_note)
    if view.reach_figure is not None:
        nl.plotly_chart(view.reach_figure, key="proces_reach", alt=ptxt.CHART_ALT_REACH)
    table(view.reach_table, ptxt.TABLE_REACH, "bereik_per_gebied", "proces_dl_reach")


def lived(view: ProcessView) -> None:
    st.header(ptxt.H_LIVED, divider="gray")
    st.write(view.lived_sentence)
    table(view.lived_table, ptxt.TABLE_LIVED, "ervaringskennis", "proces_dl_lived")


K_ACTION_STATUS, K_ALL, K_SEARCH, K_ALL_LESSONS = (
    "proces_action_status", "proces_show_all", "proces_search", "proces_show_all_lessons",
)
SHOWN = 8
SHOWN_LESSONS = 10


def said_did(items_all: Sequence[process.SaidDid]) -> None:
    """'Jullie zeiden, wij deden': a status filter and the first items (all on request)."""
    counts = process.status_counts(tuple(items_all))
    status_options = [s for s in ptxt.ACTION_STATUS_LABELS if counts.get(s)]
    if status_options:
        st.pills(ptxt.W_ACTION_STATUS, status_options, selection_mode="multi", key=K_ACTION_STATUS,
                 format_func=lambda s: f"{ptxt.ACTION_STATUS_LABELS[s]} ({counts[s]})")
    items = process.filter_said_did(tuple(items_all), tuple(st.session_state.get(K_ACTION_STATUS) or ()))
    if not items:
        st.info(ptxt.NOTHING_SAID)
    show_all = st.session_state.get(K_ALL, False)
    for item in items if show_all else items[:SHOWN]:
        with st.container(border=True):
            st.markdown(f"**{item.head}**  \n**{ptxt.SAID}:** {item.said}  \n**{ptxt.DID}:** {item.did}  \n"
                        f"{item.status}" + (f"  \n**{item.link_label}:** {item.link}" if item.link else ""))
            if item.full is not None:
                with st.expander(ptxt.READ_MORE):
                    st.markdown(item.full)
    if len(items) > SHOWN:
        st.caption(ptxt.SHOWN_OF.format(shown=len(items) if show_all else SHOWN, n=len(items)))
        st.toggle(ptxt.SHOW_ALL.format(n=len(items)), key=K_ALL)


def lessons(rows: pd.DataFrame) -> None:
    """The searchable lessons of the filtered activities, with their table and downloads."""
    term = st.text_input(ptxt.W_SEARCH, key=K_SEARCH, placeholder=ptxt.SEARCH_PLACEHOLDER, max_chars=100) or ""
    found = process.lessons(rows, term)
    if found.empty:
        st.info(ptxt.LESSONS_NONE.format(term=inert(term)) if term.strip() else ptxt.LESSONS_EMPTY)
        return
    st.caption(ptxt.LESSONS_FOUND_ONE if len(found) == 1 else ptxt.LESSONS_FOUND.format(n=len(found)))
    items = process.lesson_items(found)
    show_all = st.session_state.get(K_ALL_LESSONS, False)
    for lesson in items if show_all else items[:SHOWN_LESSONS]:
        st.markdown(f"**{lesson.head}**  \n{lesson.text}")
        if lesson.full is not None:
            with st.expander(ptxt.READ_MORE):
                st.markdown(lesson.full)
    if len(items) > SHOWN_LESSONS:
        st.toggle(ptxt.SHOW_ALL.format(n=len(items)), key=K_ALL_LESSONS)
    with st.expander(ptxt.TABLE_LESSONS):
        nl.dataframe(found)
        page.downloads(found, label=ptxt.DOWNLOAD, file_stem="lessen", key="proces_dl_lessons")
