"""The Gebiedsmonitor's sections drawn with Streamlit, from views the page has already loaded: the map with its
legend and table, the development of one area (with the national comparison and the interventions there), and
the small multiples of all renewal areas. No logic: what is shown is composed in `views`."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from wijkmonitor.area_monitor import maps, views
from wijkmonitor.area_monitor.links import Selection
from wijkmonitor.common import dutch_ui as nl
from wijkmonitor.common import page
from wijkmonitor.common.data import example_badge
from wijkmonitor.common.indicators import Indicator
from wijkmonitor.common.text import md_with, plain
from wijkmonitor.texts import gebied as txt


def definition(ind: Indicator) -> None:
    st.caption(md_with(txt.DEFINITION, label=ind.label, unit_word=txt.UNIT_WORD.get(ind.unit, ind.unit_text),
                       definition=ind.definition, source=ind.source))


def map_section(view: views.MapView, sel: Selection, ind: Indicator, age_label: str, gemeente: str, *,
                key: str, on_select: Callable[[], None]) -> None:
    """The choropleth (a click selects a region, `on_select`), its legend and sentence, and its table."""
    level = sel.level
    st.header(md_with(txt.H_MAP if view.deck is not None else txt.H_MAP_TABLE, label=ind.label, age=age_label,
                      year=sel.year, level_plural=txt.LEVEL_PLURAL[level]), divider="gray")
    map_col, legend_col = st.columns([3, 1.25])
    with map_col:
        if view.deck is None:
            st.info(txt.NO_MAP, icon=":material/map:")
        else:
            nl.pydeck_chart(
                view.deck, height=maps.MAP_HEIGHT_PX, on_select=on_select, selection_mode="single-object", key=key,
                alt=plain(txt.MAP_ALT.format(gemeente=gemeente, level_plural=txt.LEVEL_PLURAL[level],
                                             label=ind.label, year=sel.year)),
            )
            st.caption(txt.MAP_BOUNDARY_NOTE.format(level_singular=txt.LEVEL_SINGULAR[level],
                                                    boundary_year=view.boundary_year)
                       + " " + txt.MAP_CLICK_HINT.format(level_singular=txt.LEVEL_SINGULAR[level])
                       + " " + view.newest)
    with legend_col:
        if view.legend_html:
            st.html(view.legend_html)
        st.write(view.sentence)
        if view.city_note:
            st.caption(view.city_note)
    with st.expander(txt.TABLE_MAP):
        nl.dataframe(view.table, width="stretch")
        page.downloads(view.table, label=txt.DOWNLOAD_MAP, key="gebied_dl_map",
                       file_stem=f"gebiedsmonitor_kaart_{sel.indicator}_{sel.age}_{sel.year}_{level}")


def trend_section(trend: views.TrendView, sel: Selection, ind: Indicator, age_label: str, name: str) -> None:
    """The development of the chosen area against the city, or why there is none."""
    st.markdown(f"**{trend.sentence}**")
    if trend.method_note:
        st.caption(trend.method_note)
    if trend.break_sentence:
        st.warning(trend.break_sentence, icon=":material/timeline:")
    if trend.figure is None:
        st.info(md_with(txt.NO_TREND, name=name, label=ind.label, age=age_label))
        if trend.why_missing:
            st.info(trend.why_missing, icon=":material/help:")
        if trend.city_note:
            st.caption(trend.city_note)
    else:
        nl.plotly_chart(trend.figure, key="gebied_trend", alt=txt.CHART_ALT_TREND.format(label=ind.label, name=name))
        st.caption(" ".join(part for part in (trend.newest, trend.city_note) if part))


def national_section(lines: list[str], table: pd.DataFrame, sel: Selection) -> None:
    """The area and the city against the Netherlands; nothing without a national reference."""
    if not lines:
        return
    st.subheader(txt.H_NATIONAL)
    st.markdown("\n".join(f"- {line}" for line in lines))
    st.caption(txt.NATIONAL_NOTE)
    with st.expander(txt.TABLE_NATIONAL):
        nl.dataframe(table, width="stretch")
        page.downloads(table, label=txt.DOWNLOAD_NATIONAL, key="gebied_dl_national",
                       file_stem=f"gebiedsmonitor_nederland_{sel.area}_{sel.indicator}")


def trend_table(trend: views.TrendView, sel: Selection) -> None:
    """The interventions in the area (voorbeelddata labelled) and the table behind the chart."""
    if trend.markers_sentence:
        st.caption(trend.markers_sentence)
    if trend.example_markers:
        example_badge(txt.MARKERS_EXAMPLE)
    with st.expander(txt.TABLE_TREND):
        nl.dataframe(trend.table, width="stretch")
        page.downloads(trend.table, label=txt.DOWNLOAD_TREND, key="gebied_dl_trend",
                       file_stem=f"gebiedsmonitor_ontwikkeling_{sel.area}_{sel.indicator}_{sel.age}")
        if trend.markers_table is not None:
            st.markdown(f"**{txt.H_MARKERS}**")
            nl.dataframe(trend.markers_table, width="stretch")


def multiples_section(areas: views.AreasView, sel: Selection, ind: Indicator, age_label: str) -> None:
    """One small chart per renewal area, sorted by its gap."""
    if areas.figure is None:
        st.info(txt.NO_AREAS)
        return
    st.header(md_with(txt.H_MULTIPLES, label=ind.label, age=age_label), divider="gray")
    st.write(areas.sentence)
    st.caption(txt.MULTIPLES_SORT_NOTE.format(year=sel.year) + " " + areas.method_note)
    nl.plotly_chart(areas.figure, key="gebied_multiples", alt=txt.CHART_ALT_MULTIPLES.format(label=ind.label))
    st.caption(" ".join(part for part in (areas.newest, areas.city_note) if part))
    with st.expander(txt.TABLE_MULTIPLES):
        nl.dataframe(areas.table, width="stretch")
        page.downloads(areas.table, label=txt.DOWNLOAD_MULTIPLES, key="gebied_dl_multiples",
                       file_stem=f"gebiedsmonitor_gebieden_{sel.indicator}_{sel.age}")
