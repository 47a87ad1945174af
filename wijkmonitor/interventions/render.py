"""Drawing the finished views of the Interventiemonitor with Streamlit: metrics, chart sections with their
table and downloads, cards. No logic: everything shown is composed in `views`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from wijkmonitor.common import dutch_ui as nl
from wijkmonitor.common import page, sections
from wijkmonitor.common.sections import metrics
from wijkmonitor.common.text import md_with
from wijkmonitor.interventions.cards import Card
from wijkmonitor.interventions.views import InterventionView, Table
from wijkmonitor.texts import interventies as txt

__all__ = ["budget_sections", "cards", "chart_section", "metrics", "results_section", "table"]


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
    sections.table(frame, title, file_stem, key, label=txt.DOWNLOAD)


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
