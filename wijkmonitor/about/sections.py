"""Over de data's parts drawn with Streamlit, from the view the page has already loaded: the indicator
catalogue, coverage per theme and goal, editions per level, the methods, and the build with its sources."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from wijkmonitor.about import state
from wijkmonitor.about.view import AboutView
from wijkmonitor.common import dutch_ui as nl
from wijkmonitor.common import page, show
from wijkmonitor.common.text import markdown
from wijkmonitor.texts import over as txt


def catalogue(view: AboutView) -> None:
    st.markdown(txt.CATALOGUE_HELP)
    table = view.catalogue_for(state.theme(view.theme_names))
    nl.dataframe(table, key="about_catalogue", codes=True)  # the codes links use (?indicator=...)
    page.downloads(table, label=txt.DOWNLOAD_CATALOGUE, file_stem=txt.CATALOGUE_FILE, key="over_catalogue_dl")
    st.subheader(txt.ATTRIBUTION_TITLE)
    st.markdown(txt.ATTRIBUTION_HELP)
    # Sources and licences come from configuration: escaped, one bullet each.
    st.markdown("\n".join(f"- {markdown(line)}" for line in view.attribution))


def coverage(view: AboutView) -> None:
    st.markdown(txt.COVERAGE_HELP)
    if view.coverage_themes is None or view.coverage_goals is None:
        st.info(txt.NO_COVERAGE)
        return
    st.subheader(txt.COVERAGE_THEMES_TITLE)
    st.dataframe(view.coverage_themes, hide_index=True, key="about_coverage_themes")
    page.downloads(view.coverage_themes, label=txt.DOWNLOAD_COVERAGE, file_stem="dekking_per_thema",
                   key="over_coverage_dl")
    st.subheader(txt.COVERAGE_GOALS_TITLE)
    st.dataframe(view.coverage_goals, hide_index=True, key="about_coverage_goals")


def editions(view: AboutView) -> None:
    st.markdown(txt.EDITIONS_HELP)
    nl.dataframe(view.editions, key="about_editions")
    page.downloads(view.editions, label=txt.DOWNLOAD_EDITIONS, file_stem="edities", key="over_editions_dl")
    st.subheader(txt.BOUNDARIES_TITLE)
    st.caption(txt.BOUNDARIES_HELP)
    show.table(view.boundaries, hide_index=True)


def methods(view: AboutView) -> None:
    st.markdown(view.methods)
    st.subheader(txt.WEIGHTING_TITLE)
    if view.unweighted:
        st.warning(txt.UNWEIGHTED_WARNING.format(areas=", ".join(markdown(a) for a in view.unweighted)),
                   icon=":material/balance:")
    show.table(view.weighting, hide_index=True)
    st.subheader(txt.STATUS_TITLE)
    st.markdown(view.status_method)


def build(view: AboutView, who_sees_what: str) -> None:
    """The build's facts and files; `who_sees_what`: the access rules in words (Markdown from `access`)."""
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
    st.markdown(who_sees_what)


PARTS: dict[str, Callable[[AboutView], None]] = {
    "indicatoren": catalogue, "dekking": coverage, "edities": editions, "berekeningen": methods,
}
