"""Doelen: the coalition's goals per partner, theme, area and status, an area x goal matrix, and per goal the
interventions that work on it. URL /doelen?goal=<id> or ?partner=&theme=&area=&status=. Widgets and wiring
only: URL and widgets (`goals.state`) -> cached view (`goals.load`)."""

from __future__ import annotations

import streamlit as st

from wijkmonitor.common import dutch_ui as nl
from wijkmonitor.common import page
from wijkmonitor.common.data import data_guard
from wijkmonitor.common.text import markdown, md_with
from wijkmonitor.goals import load, state
from wijkmonitor.texts import common as common_txt
from wijkmonitor.texts import doelen as txt

page.start("doelen")
st.title(txt.TITLE)
st.markdown(txt.INTRO)

with data_guard():
    if not load.has_areas():
        # A build for another municipality than the configured one has no renewal areas, so no goals apply.
        st.info(txt.NO_AREAS_IN_BUILD, icon=":material/info:")
        st.stop()
    view = load.view()

linked = state.linked_goal(view)
chosen = state.one_goal(linked) if linked is not None else state.filters(view)
goals, area = chosen.goals, chosen.area
if not goals:
    st.info(txt.NO_GOALS, icon=":material/filter_alt_off:")
    st.stop()
if any(g.example for g in goals):
    st.warning(f"**{txt.EXAMPLE_LABEL}.** {txt.EXAMPLE_NOTE}", icon=":material/science:")
st.markdown(view.summary(goals, area))

tab_matrix, tab_goals, tab_table, tab_method = st.tabs([txt.TAB_MATRIX, txt.TAB_GOALS, txt.TAB_TABLE,
                                                        txt.TAB_METHOD])
with tab_matrix:
    st.caption(txt.MATRIX_INTRO)
    matrix = view.matrix(goals, chosen.statuses, area)
    if matrix.empty:
        st.info(txt.MATRIX_NONE, icon=":material/filter_alt_off:")
    else:
        nl.dataframe(matrix, key="doelen_matrix")
        page.downloads(matrix, label=common_txt.DOWNLOAD_CSV, file_stem=txt.MATRIX_FILE, key="doelen_dl_matrix")

with tab_goals:
    for goal in goals:
        with st.container(border=True):
            st.subheader(markdown(goal.title) + (f" · {txt.EXAMPLE_TAG}" if goal.example else ""), anchor=goal.id)
            st.markdown(view.goal_facts(goal))
            nl.plotly_chart(view.figure(goal, area), key=f"doel_{goal.id}", alt=view.chart_alt(goal, area))
            st.markdown(view.status_lines(goal, area))
            with st.expander(txt.LINKED_HEADING):
                for area_id, area_name, line in view.intervention_lines(goal, area):
                    st.markdown(line)
                    if view.interventions(goal, area_id):
                        st.page_link("pages/interventiemonitor.py", label=md_with(txt.LINKED_PAGE, area=area_name),
                                     icon=":material/arrow_forward:", query_params={"area": area_id})
            st.page_link("pages/doelen.py", label=txt.GOAL_LINK, icon=":material/link:",
                         query_params={"goal": goal.id})

with tab_table:
    table = view.display[view.rows(goals, area, chosen.statuses)]
    nl.dataframe(table, key="doelen_tabel")
    page.downloads(table, label=common_txt.DOWNLOAD_CSV, file_stem=txt.TABLE_FILE, key="doelen_dl")

with tab_method:
    st.markdown(txt.method_text(view.config.thresholds.on_track, view.config.thresholds.at_risk))
