"""Doelen: the coalition's goals per partner, theme and area, with their progress status. URL /doelen?goal=<id>."""

from __future__ import annotations

import streamlit as st

from wijkmonitor.common import dutch_ui as nl
from wijkmonitor.common import page
from wijkmonitor.common import url_state as params
from wijkmonitor.common.data import data_guard
from wijkmonitor.common.text import inert
from wijkmonitor.goals import load
from wijkmonitor.goals.config import Goal
from wijkmonitor.texts import common as common_txt
from wijkmonitor.texts import doelen as txt

page.start("doelen")
MEMO = "doelen_url_state"



st.title(txt.TITLE)
st.markdown(txt.INTRO)

with data_guard():
    if not load.has_areas():
        # A build for another municipality than the configured one has no renewal areas, so no goals apply.
        st.info(txt.NO_AREAS_IN_BUILD, icon=":material/info:")
        st.stop()
    view = load.view()

goal_param = st.query_params.get("goal")
linked = view.config.goal(goal_param) if goal_param else None
if goal_param and linked is None:
    st.info(txt.UNKNOWN_GOAL.format(goal=inert(goal_param)), icon=":material/link_off:")

area: str | None = None
if linked is not None:
    goals: tuple[Goal, ...] = (linked,)
    # A page switch through st.page_link clears the address bar; write the goal back so it can be copied.
    st.query_params["goal"] = linked.id
    st.caption(txt.ONE_GOAL)
    if st.button(txt.SHOW_ALL, key="doelen_show_all", icon=":material/list:"):
        del st.query_params["goal"]
        st.rerun()
else:
    options = {"partner": view.partners_in_use(), "theme": view.themes_in_use(), "area": view.areas_in_use()}
    news = params.incoming(tuple(options), MEMO)
    if news is not None:
        for name, allowed in options.items():
            chosen = params.choose(news.get(name), list(allowed), None)
            st.session_state[f"doelen_{name}"] = chosen.value
            if chosen.rejected is not None:
                st.info(txt.UNKNOWN_FILTER.format(value=inert(chosen.rejected)), icon=":material/link_off:")
    partner_col, theme_col, area_col = st.columns(3)
    partner = partner_col.selectbox(
        txt.FILTER_PARTNER, [None, *view.partners_in_use()], key="doelen_partner", placeholder=nl.PLACEHOLDER_SELECT,
        format_func=lambda p: txt.ALL_PARTNERS if p is None else view.labels.partner_names.get(p, p),
    )
    theme = theme_col.selectbox(
        txt.FILTER_THEME, [None, *view.themes_in_use()], key="doelen_theme", placeholder=nl.PLACEHOLDER_SELECT,
        format_func=lambda t: txt.ALL_THEMES if t is None else view.labels.theme_names.get(t, t),
    )
    area = area_col.selectbox(
        txt.FILTER_AREA, [None, *view.areas_in_use()], key="doelen_area", placeholder=nl.PLACEHOLDER_SELECT,
        format_func=lambda a: txt.ALL_AREAS if a is None else view.labels.area_names.get(a, a),
    )
    goals = view.goals(partner=partner, theme=theme, area=area)
    chosen_filters = {"partner": partner, "theme": theme, "area": area}
    params.publish({k: v for k, v in chosen_filters.items() if v is not None}, MEMO, tuple(options))

if not goals:
    st.info(txt.NO_GOALS, icon=":material/filter_alt_off:")
    st.stop()

if any(g.example for g in goals):
    st.warning(f"**{txt.EXAMPLE_LABEL}.** {txt.EXAMPLE_NOTE}", icon=":material/science:")

st.markdown(view.summary(goals, area))

tab_goals, tab_table, tab_method = st.tabs([txt.TAB_GOALS, txt.TAB_TABLE, txt.TAB_METHOD])

with tab_goals:
    for goal in goals:
        with st.container(border=True):
            st.subheader(goal.title + (f" · {txt.EXAMPLE_TAG}" if goal.example else ""), anchor=goal.id)
            st.markdown(view.goal_facts(goal))
            nl.plotly_chart(view.figure(goal, area), key=f"doel_{goal.id}", alt=view.chart_alt(goal, area))
            st.markdown(view.status_lines(goal, area))
            st.page_link("pages/doelen.py", label=txt.GOAL_LINK, icon=":material/link:",
                         query_params={"goal": goal.id})

with tab_table:
    table = view.display[view.rows(goals, area)]
    nl.dataframe(table, key="doelen_tabel")
    page.downloads(table, label=common_txt.DOWNLOAD_CSV, file_stem=txt.TABLE_FILE,
                   key="doelen_dl")

with tab_method:
    st.markdown(txt.method_text(view.config.thresholds.on_track, view.config.thresholds.at_risk))
