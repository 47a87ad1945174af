"""Programma-overzicht, the entry page (`streamlit run dashboard.py`): where are the renewal areas behind the
city, and is the gap closing?

Wiring only: cached sections (`wijkmonitor.area_monitor.load`) -> render.
"""

import streamlit as st

from wijkmonitor.area_monitor import load, overview
from wijkmonitor.common import dutch_ui as nl
from wijkmonitor.common import page
from wijkmonitor.common.data import data_guard
from wijkmonitor.common.data import meta as build_meta
from wijkmonitor.texts import gebied as txt

page.start("")

st.title(txt.OVERVIEW_TITLE)

with data_guard():
    meta = build_meta()
    view = load.overview_view()
    deck = load.overview_map()
    coverage = load.theme_coverage()
gemeente = meta.get("gemeente_name", "")


def show_coverage() -> None:
    """Every NPLV theme: its figures, or what is missing and which sources would fill it."""
    st.header(txt.H_COVERAGE, divider="gray")
    st.caption(txt.COVERAGE_HELP)
    st.markdown("\n".join(f"- {theme.line}" for theme in coverage))


st.subheader(txt.OVERVIEW_QUESTION)
if not view.matrix.columns:
    st.info(txt.NO_HEADLINES)
    st.stop()
if view.matrix.empty:
    st.write(txt.OVERVIEW_INTRO_CITY.format(gemeente=gemeente, years=view.years))
    st.info(txt.NO_RENEWAL_AREAS)
    with data_guard():
        city_table = load.city_headlines()
    nl.dataframe(city_table, width="stretch")
    page.downloads(city_table, label=txt.DOWNLOAD_OVERVIEW, file_stem="programma_overzicht_stad",
                   key="overzicht_dl_city")
    if deck is None:
        st.info(txt.NO_MAP, icon=":material/map:")
    show_coverage()
    st.markdown(txt.TO_GEBIEDSMONITOR)
    st.stop()

st.write(txt.OVERVIEW_INTRO.format(gemeente=gemeente, years=view.years))
summary_col, map_col = st.columns([1, 1], gap="large")
with summary_col:
    st.subheader(txt.H_SUMMARY, divider="gray")
    st.markdown("\n".join(f"- {line}" for line in view.summary))
with map_col:
    st.subheader(txt.H_OVERVIEW_MAP, divider="gray")
    if deck is None:
        st.info(txt.NO_MAP, icon=":material/map:")
    else:
        nl.pydeck_chart(deck, height=420, key="overzicht_map", alt=txt.MAP_ALT_OVERVIEW.format(gemeente=gemeente))
        st.caption(txt.OVERVIEW_MAP_NOTE.format(year=overview.boundary_year_text(load.area_shapes())))

st.header(txt.H_MATRIX, divider="gray")
st.caption(txt.MATRIX_LEGEND.format(tolerance=overview.tolerance_text(meta)))
st.html(view.html)
st.subheader(txt.H_NOTES)
st.markdown("\n".join(f"- {line}" for line in view.notes))
page.downloads(view.table, label=txt.DOWNLOAD_OVERVIEW, file_stem="programma_overzicht", key="overzicht_dl")
show_coverage()
st.markdown(txt.TO_GEBIEDSMONITOR)
page.built_note(meta)
