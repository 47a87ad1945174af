"""Over de data: indicator catalogue, editions per level, build metadata, and how gaps, weights and status work."""

from __future__ import annotations

import streamlit as st

from wijkmonitor.about import load
from wijkmonitor.access import explain, session
from wijkmonitor.common import dutch_ui as nl
from wijkmonitor.common import page, show
from wijkmonitor.common.data import data_guard
from wijkmonitor.common.text import markdown, plain
from wijkmonitor.texts import over as txt

page.start("over-de-data")



st.title(txt.TITLE)
st.markdown(txt.INTRO)

with data_guard():
    view = load.view()

tab_catalogue, tab_coverage, tab_editions, tab_methods, tab_build = st.tabs(
    [txt.TAB_CATALOGUE, txt.TAB_COVERAGE, txt.TAB_EDITIONS, txt.TAB_METHODS, txt.TAB_BUILD]
)

with tab_catalogue:
    st.markdown(txt.CATALOGUE_HELP)
    theme = st.selectbox(txt.FILTER_THEME, [None, *view.theme_names], key="over_theme",
                         placeholder=nl.PLACEHOLDER_SELECT,
                         format_func=lambda t: txt.ALL_THEMES if t is None else plain(view.theme_names[t]))
    table = view.catalogue_for(theme)
    nl.dataframe(table, key="about_catalogue", codes=True)  # the codes links use (?indicator=...)
    page.downloads(table, label=txt.DOWNLOAD_CATALOGUE, file_stem=txt.CATALOGUE_FILE,
                   key="over_catalogue_dl")
    st.subheader(txt.ATTRIBUTION_TITLE)
    st.markdown(txt.ATTRIBUTION_HELP)
    # Sources and licences come from configuration: escaped, one bullet each.
    st.markdown("\n".join(f"- {markdown(line)}" for line in view.attribution))

with tab_coverage:
    st.markdown(txt.COVERAGE_HELP)
    if view.coverage_themes is None or view.coverage_goals is None:
        st.info(txt.NO_COVERAGE)
    else:
        st.subheader(txt.COVERAGE_THEMES_TITLE)
        st.dataframe(view.coverage_themes, hide_index=True, key="about_coverage_themes")
        page.downloads(view.coverage_themes, label=txt.DOWNLOAD_COVERAGE, file_stem="dekking_per_thema",
                       key="over_coverage_dl")
        st.subheader(txt.COVERAGE_GOALS_TITLE)
        st.dataframe(view.coverage_goals, hide_index=True, key="about_coverage_goals")

with tab_editions:
    st.markdown(txt.EDITIONS_HELP)
    nl.dataframe(view.editions, key="about_editions")
    page.downloads(view.editions, label=txt.DOWNLOAD_EDITIONS, file_stem="edities", key="over_editions_dl")
    st.subheader(txt.BOUNDARIES_TITLE)
    st.caption(txt.BOUNDARIES_HELP)
    show.table(view.boundaries, hide_index=True)

with tab_methods:
    st.markdown(view.methods)
    st.subheader(txt.WEIGHTING_TITLE)
    if view.unweighted:
        st.warning(txt.UNWEIGHTED_WARNING.format(areas=", ".join(markdown(a) for a in view.unweighted)),
                   icon=":material/balance:")
    show.table(view.weighting, hide_index=True)
    st.subheader(txt.STATUS_TITLE)
    st.markdown(view.status_method)

with tab_build:
    st.subheader(txt.BUILD_TITLE)
    show.table(view.build_facts, hide_index=True, hide_header=True)
    st.subheader(txt.SOURCES_TITLE)
    st.caption(txt.SOURCES_HELP)
    nl.dataframe(view.sources, key="about_sources", height="content")
    page.downloads(view.sources, label=txt.DOWNLOAD_SOURCES, file_stem="bronnen", key="over_sources_dl")
    st.caption(txt.REBUILD)
    st.subheader(txt.PROGRAMME_SOURCES_TITLE)
    st.markdown(txt.PROGRAMME_SOURCES)
    st.subheader(txt.ACCESS_TITLE)
    st.markdown(explain.who_sees_what(session.access_config(), login_enabled=session.settings().enabled))
