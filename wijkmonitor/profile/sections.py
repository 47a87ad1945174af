"""The Wijkprofiel's sections drawn with Streamlit, from the profile the page has already loaded: the opening,
the comparison per theme, the compass of a buurt or wijk, key figures, the registers and the downloads."""

from __future__ import annotations

from functools import partial

import streamlit as st

from wijkmonitor.access import notices, session
from wijkmonitor.common import dutch_ui as nl
from wijkmonitor.common import show
from wijkmonitor.common.data import example_badge
from wijkmonitor.common.text import markdown
from wijkmonitor.profile.export import profile_csv, profile_html, profile_xlsx
from wijkmonitor.profile.view import ProfileView
from wijkmonitor.texts import profiel as txt


def heading(view: ProfileView) -> None:
    st.header(view.title, anchor="profiel")
    st.caption(f"{view.subtitle}  \n{view.data_version}")


def summary(view: ProfileView) -> None:
    st.markdown(view.summary)
    if view.method_note:
        if view.unweighted:
            st.warning(view.method_note, icon=":material/balance:")
        else:
            st.caption(view.method_note)


def themes(view: ProfileView, why_not: str | None) -> None:
    """Per theme a chart and table against the city; `why_not`: why a wijk-only source has no value here."""
    st.subheader(txt.SECTION_COMPARE)
    st.caption(txt.SECTION_COMPARE_HELP)
    if why_not:
        st.info(txt.WIJK_ONLY_WHY.format(note=markdown(why_not)), icon=":material/help:")
    st.caption(txt.CITY_COMPUTED_NOTE)
    for block in view.themes:
        show.heading(block.name)
        nl.plotly_chart(block.figure, width="content", key=f"profiel_{block.theme_id}", alt=block.alt)
        show.table(block.table, hide_index=True)


def compass(view: ProfileView) -> None:
    """The ontwikkelkompas of a buurt or wijk (a renewal area gets the comparison group's instead)."""
    st.subheader(txt.SECTION_COMPASS)
    st.caption(view.compass_help)
    if view.compass.empty:
        st.info(txt.COMPASS_NONE)
    else:
        st.markdown(view.compass_summary)
        show.table(view.compass, hide_index=True)


def context_and_registers(view: ProfileView) -> None:
    if not view.context_table.empty:
        st.subheader(txt.SECTION_CONTEXT)
        st.caption(txt.SECTION_CONTEXT_HELP)
        show.table(view.context_table, hide_index=True)
    st.subheader(txt.SECTION_REGISTERS)
    if view.interventions is None:
        st.info(txt.NO_REGISTERS, icon=":material/info:")
        return
    st.caption(txt.REGISTERS_HELP)
    if view.has_example_registers:
        example_badge()
    st.markdown(f"#### {txt.INTERVENTIONS}")
    if view.interventions.empty:
        st.caption(txt.NO_INTERVENTIONS)
    else:
        show.table(view.interventions_table, hide_index=True)
    st.markdown(f"#### {txt.PROCESS}")
    session.withheld_notice(notices.OPEN_INPUT)
    if view.process is None or view.process.empty:
        st.caption(txt.NO_PROCESS)
    else:
        show.table(view.process_table, hide_index=True)


def downloads(view: ProfileView) -> None:
    """The profile as a printable HTML page, CSV and XLSX."""
    st.subheader(txt.SECTION_DOWNLOADS)
    st.caption(txt.PRINT_HINT)
    html_col, csv_col, xlsx_col = st.columns(3)
    # Callables: a file is only built when its button is pressed, not on every rerun.
    html_col.download_button(txt.DOWNLOAD_HTML, partial(profile_html, view), file_name=f"{view.file_stem}.html",
                             mime="text/html", key="profiel_html", icon=":material/description:", on_click="ignore")
    csv_col.download_button(txt.DOWNLOAD_CSV, partial(profile_csv, view), file_name=f"{view.file_stem}.csv",
                            mime="text/csv", key="profiel_csv", icon=":material/table:", on_click="ignore")
    xlsx_col.download_button(
        txt.DOWNLOAD_XLSX, partial(profile_xlsx, view), file_name=f"{view.file_stem}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="profiel_xlsx",
        icon=":material/grid_on:", on_click="ignore",
    )
    st.caption(txt.SOURCES)
