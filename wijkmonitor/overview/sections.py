"""The Programma-overzicht's sections drawn with Streamlit, from views the page has already loaded. No logic:
what is shown is composed in `views`; the one piece of state is the matrix's theme, kept in the URL (`?theme=`).
"""

from __future__ import annotations

import pandas as pd
import pydeck as pdk
import streamlit as st

from wijkmonitor.common import dutch_ui as nl
from wijkmonitor.common import page
from wijkmonitor.common import url_state as params
from wijkmonitor.common.text import inert, markdown, md_with, plain
from wijkmonitor.overview import matrix
from wijkmonitor.overview.maps import MAP_HEIGHT_PX
from wijkmonitor.overview.views import OverviewView
from wijkmonitor.texts import gebied as txt

MEMO, K_THEME = "overzicht_url_state", "overzicht_theme"


def coverage(themes: list[matrix.ThemeCoverage]) -> None:
    """Every NPLV theme: its figures, or what is missing and which sources would fill it."""
    st.header(txt.H_COVERAGE, divider="gray")
    st.caption(txt.COVERAGE_HELP)
    st.markdown("\n".join(f"- {theme.line}" for theme in themes))


def city_only(view: OverviewView, city_table: pd.DataFrame, deck: pdk.Deck | None, gemeente: str) -> None:
    """A gemeente without renewal areas: the headline indicators of the city itself."""
    st.markdown(md_with(txt.OVERVIEW_INTRO_CITY, gemeente=gemeente, years=view.years))
    st.info(txt.NO_RENEWAL_AREAS)
    nl.dataframe(city_table, width="stretch")
    page.downloads(city_table, label=txt.DOWNLOAD_OVERVIEW, file_stem="programma_overzicht_stad",
                   key="overzicht_dl_city")
    if deck is None:
        st.info(txt.NO_MAP, icon=":material/map:")


def summary_and_map(view: OverviewView, deck: pdk.Deck | None, shapes: pd.DataFrame, gemeente: str) -> None:
    st.markdown(md_with(txt.OVERVIEW_INTRO, gemeente=gemeente, years=view.years))
    summary_col, map_col = st.columns([1, 1], gap="large")
    with summary_col:
        st.subheader(txt.H_SUMMARY, divider="gray")
        st.markdown("\n".join(f"- {line}" for line in view.summary))
    with map_col:
        st.subheader(txt.H_OVERVIEW_MAP, divider="gray")
        if deck is None:
            st.info(txt.NO_MAP, icon=":material/map:")
        else:
            nl.pydeck_chart(deck, height=MAP_HEIGHT_PX, key="overzicht_map",
                            alt=plain(txt.MAP_ALT_OVERVIEW.format(gemeente=gemeente)))
            st.caption(txt.OVERVIEW_MAP_NOTE.format(year=matrix.boundary_year_text(shapes)))


def theme_matrix(view: OverviewView, meta: dict[str, str]) -> None:
    """The matrix one theme at a time (a segmented control bound to `?theme=`) with its download, and the notes
    on how the figures were made."""
    st.header(txt.H_MATRIX, divider="gray")
    default = view.default_theme()
    if default is not None:
        theme, rejected = params.segmented(txt.W_MATRIX_THEME, "theme", list(view.themes), default, key=K_THEME,
                                           memo_key=MEMO, format_func=lambda t: plain(view.themes[t]))
        if rejected is not None:
            st.warning(txt.OVERVIEW_THEME_UNKNOWN.format(value=inert(rejected),
                                                         fallback=markdown(view.themes[default])),
                       icon=":material/link_off:")
        st.caption(txt.MATRIX_THEME_HELP + " " + txt.MATRIX_LEGEND.format(tolerance=matrix.tolerance_text(meta)))
        st.html(view.html[theme])
        page.downloads(view.tables[theme], label=txt.DOWNLOAD_OVERVIEW, file_stem=f"programma_overzicht_{theme}",
                       key="overzicht_dl")
    st.subheader(txt.H_NOTES)
    st.markdown("\n".join(f"- {line}" for line in view.notes))
