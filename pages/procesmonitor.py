"""Procesmonitor: activities and reach per area over time, reach against the number of inhabitants, lived
experience, "jullie zeiden, wij deden" and the lessons learned. Widgets and wiring only: URL and widgets
(`interventions.state`) -> cached view (`interventions.load`) -> render (`interventions.render`)."""

import streamlit as st

from wijkmonitor.access import notices, session
from wijkmonitor.common import dutch_ui as nl
from wijkmonitor.common import page
from wijkmonitor.common.data import data_guard, example_badge
from wijkmonitor.interventions import load, render, state
from wijkmonitor.texts import proces as txt

page.start("procesmonitor")
st.title(txt.TITLE)
st.write(txt.INTRO)
badge = st.empty()

with data_guard():
    opts = load.process_options()
    meta = load.meta()
if not opts.years:
    st.info(txt.NO_REGISTER, icon=":material/info:")
    st.stop()
for message in state.process_link(opts):
    st.warning(message, icon=":material/link_off:")
filters = state.process_widgets(opts)
st.caption(txt.AREA_FILTER_NOTE)
with data_guard():
    view = load.process_view(filters, st.session_state[state.K_MEASURE])
    rows = load.process_rows(filters)
if view.has_example:
    with badge.container():
        example_badge()

render.metrics(view.metrics)
if view.n == 0:
    state.publish_process(filters, opts)
    st.info(txt.NONE_MATCH, icon=":material/filter_alt:")
    st.stop()

st.header(txt.H_TIME, divider="gray")
st.radio(txt.W_MEASURE, list(txt.MEASURES), format_func=txt.MEASURES.__getitem__, horizontal=True,
         key=state.K_MEASURE)
state.publish_process(filters, opts)
st.caption(view.time_note)
if view.heatmap is not None:
    nl.plotly_chart(view.heatmap, key="proces_heatmap",
                    alt=txt.CHART_ALT_HEATMAP.format(measure=txt.MEASURES[st.session_state[state.K_MEASURE]].lower()))
render.table(view.time_table, txt.TABLE_TIME, "activiteiten_per_gebied", "proces_dl_time")

st.header(txt.H_REACH, divider="gray")
st.caption(view.reach_note)
if view.reach_figure is not None:
    nl.plotly_chart(view.reach_figure, key="proces_reach", alt=txt.CHART_ALT_REACH)
render.table(view.reach_table, txt.TABLE_REACH, "bereik_per_gebied", "proces_dl_reach")

st.header(txt.H_LIVED, divider="gray")
st.write(view.lived_sentence)
render.table(view.lived_table, txt.TABLE_LIVED, "ervaringskennis", "proces_dl_lived")

st.header(txt.H_SAID_DID, divider="gray")
st.write(txt.SAID_DID_INTRO)
session.withheld_notice(notices.OPEN_INPUT)
render.said_did(view.said_did)

st.header(txt.H_LESSONS, divider="gray")
if session.withheld_notice(notices.LESSONS).seen != "niets":
    render.lessons(rows)
page.built_note(meta)
