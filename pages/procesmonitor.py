"""Procesmonitor: activities and reach per area over time, reach against the number of inhabitants, lived
experience, "jullie zeiden, wij deden" and the lessons learned. Widgets and wiring only: URL and widgets
(`process.state`) -> cached view (`process.load`) -> sections (`process.sections`)."""

import streamlit as st

from wijkmonitor.access import notices, session
from wijkmonitor.common import page, sections
from wijkmonitor.common.data import data_guard, example_badge
from wijkmonitor.process import load, state
from wijkmonitor.process import sections as show
from wijkmonitor.texts import proces as txt

page.start("procesmonitor")
badge = sections.heading(txt.TITLE, txt.INTRO)

with data_guard():
    opts = load.options()
    meta = load.meta()
if not opts.years:
    st.info(txt.NO_REGISTER, icon=":material/info:")
    st.stop()
filters = sections.filters(state.read_link(opts), lambda: state.filter_widgets(opts), txt.AREA_FILTER_NOTE)
with data_guard():
    view = load.view(filters, state.measure())
    rows = load.rows(filters)
if view.has_example:
    with badge.container():
        example_badge()

sections.metrics(view.metrics)
if view.n == 0:
    state.publish(filters, opts)
    st.info(txt.NONE_MATCH, icon=":material/filter_alt:")
    st.stop()

st.header(txt.H_TIME, divider="gray")
measure = state.measure_widget()
state.publish(filters, opts)
show.time(view, measure)
show.reach(view)
show.lived(view)

st.header(txt.H_SAID_DID, divider="gray")
st.write(txt.SAID_DID_INTRO)
session.withheld_notice(notices.OPEN_INPUT)
show.said_did(view.said_did)

st.header(txt.H_LESSONS, divider="gray")
if session.withheld_notice(notices.LESSONS).seen != "niets":
    show.lessons(rows)
page.built_note(meta)
