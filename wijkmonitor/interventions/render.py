"""Drawing the finished views of the Interventiemonitor with Streamlit: metrics, chart sections with their
table and downloads, cards. No logic: everything shown is composed in `views`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from wijkmonitor.common import dutch_ui as nl
from wijkmonitor.common import page
from wijkmonitor.common.text import inert, md_with
from wijkmonitor.interventions import process
from wijkmonitor.interventions.cards import Card
from wijkmonitor.interventions.views import InterventionView, Metric, Table
from wijkmonitor.texts import interventies as txt
from wijkmonitor.texts import proces as ptxt


@dataclass(frozen=True)
class Section:
    heading: str | None
    note: str
    figure: go.Figure | None
    table_title: str
    table: Table
    key: str
    file_stem: str | None = None  # None: no download buttons
    alt: str = ""  # the chart's accessible name


def metrics(shown: Sequence[Metric]) -> None:
    for column, metric in zip(st.columns(len(shown)), shown, strict=True):
        column.metric(metric.label, metric.value, help=metric.help)
        if metric.note:
            column.caption(metric.note)


def budget_sections(view: InterventionView) -> list[Section]:
    """With an area chosen its split comes first (it explains the total above), then programmes, the
    programme budgets from the documents, and the areas."""
    sections = []
    if view.split is not None and view.split_table is not None:
        sections.append(Section(md_with(txt.H_BUDGET_SPLIT, area=view.split.area_name), view.split_note,
                                view.split_figure, txt.TABLE_SPLIT, view.split_table, "split",
                                "open_begroting_gebied_alleen_en_gedeeld", txt.CHART_ALT_SPLIT))
    sections.append(Section(txt.H_BUDGET_PROGRAMME, view.programme_note, view.programme_figure,
                            txt.TABLE_PROGRAMME, view.programme_table, "programmes", "open_begroting_per_programma",
                            txt.CHART_ALT_PROGRAMMES))
    if view.sources_table is not None:
        sections.append(Section(txt.H_BUDGET_SOURCES, view.sources_note, view.sources_figure, txt.TABLE_SOURCES,
                                view.sources_table, "sources", "programmabudget_en_register",
                                txt.CHART_ALT_SOURCES))
    sections.append(Section(txt.H_BUDGET_AREA, view.area_note, view.area_figure, txt.TABLE_AREA,
                            view.area_table, "areas", "open_begroting_per_gebied", txt.CHART_ALT_AREAS))
    return sections


def results_section(view: InterventionView) -> Section:
    return Section(None, view.results_note, view.results_figure, txt.TABLE_RESULTS, view.results_table,
                   "results", "resultaten", txt.CHART_ALT_RESULTS)


def chart_section(section: Section) -> None:
    if section.heading:
        st.subheader(section.heading)
    st.caption(section.note)
    if section.figure is not None:
        nl.plotly_chart(section.figure, key=f"interventie_{section.key}", alt=section.alt)
    with st.expander(section.table_title):
        nl.dataframe(section.table.frame)
        if section.file_stem:
            page.downloads(section.table.frame, label=txt.DOWNLOAD, file_stem=section.file_stem,
                           key=f"interventie_dl_{section.key}")


def table(frame: pd.DataFrame, title: str, file_stem: str, key: str) -> None:
    """A table in an expander with the Dutch download buttons."""
    with st.expander(title):
        nl.dataframe(frame)
        page.downloads(frame, label=txt.DOWNLOAD, file_stem=file_stem, key=key)


def cards(shown: Sequence[Card]) -> None:
    grid = st.columns(2)
    for index, card in enumerate(shown):
        with grid[index % 2].container(border=True):
            st.markdown(f"### {card.title}")
            if card.is_example:
                st.caption(txt.CARD_EXAMPLE_NOTE)
            st.markdown(card.description)
            if card.description_full is not None:
                with st.expander(txt.READ_MORE):
                    st.markdown(card.description_full)
            st.markdown(card.fields)
            if card.results:
                st.markdown(f"**{txt.F_RESULTS}:**\n" + "\n".join(f"- {line}" for line in card.results))


# ------------------------------------------------------------------------------------------- Procesmonitor

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
