"""Procesmonitor: activities and reach per area over time, reach against the number of inhabitants, lived
experience, "jullie zeiden, wij deden" and the lessons learned.

Widgets and wiring only: URL -> widgets -> cached view (`wijkmonitor.interventions.load`) -> render.
"""

import streamlit as st

from wijkmonitor.common import page, text
from wijkmonitor.common import url_state as params
from wijkmonitor.common.data import data_guard, example_badge
from wijkmonitor.interventions import load, process
from wijkmonitor.interventions.filters import parse_one
from wijkmonitor.texts import common as ctxt
from wijkmonitor.texts import proces as txt

page.start("procesmonitor")

MEMO = "proces_url_state"
LINK_PARAMS = ("area",)
K_AREA, K_YEARS, K_TYPES, K_MEASURE, K_STATUS, K_ALL, K_SEARCH = (
    "proces_area", "proces_years", "proces_types", "proces_measure", "proces_action_status", "proces_show_all",
    "proces_search",
)
SHOWN = 8
SHOWN_LESSONS = 10
K_ALL_LESSONS = "proces_show_all_lessons"
CHART_CONFIG = {"displaylogo": False}

st.title(txt.TITLE)
st.write(txt.INTRO)
badge = st.empty()

with data_guard():
    opts = load.process_options()
    meta = load.meta()
if not opts.years:
    st.info(txt.NO_REGISTER, icon=":material/info:")
    st.stop()

news = params.incoming(LINK_PARAMS, MEMO)
if news is not None:
    area, message = parse_one(news.get("area"), opts.areas, txt.PARAM_WHAT["area"], txt.PARAM_UNKNOWN,
                              txt.PARAM_TOO_LONG)
    st.session_state[K_AREA] = area
    if message:
        st.warning(message, icon=":material/link_off:")

col_area, col_years, col_types = st.columns([2, 2, 3])
params.ensure(K_AREA, list(opts.areas), process.ALL)
col_area.selectbox(txt.W_AREA, list(opts.areas), format_func=opts.areas.__getitem__, key=K_AREA)
first, last = opts.years[0], opts.years[-1]
if len(opts.years) > 1:
    first, last = col_years.select_slider(txt.W_YEARS, opts.years, value=(first, last), key=K_YEARS)
types = col_types.multiselect(txt.W_TYPES, opts.activity_types, key=K_TYPES, placeholder=txt.TYPES_PLACEHOLDER)
st.caption(txt.AREA_FILTER_NOTE)

filters = process.ProcessFilters(area=st.session_state[K_AREA], first_year=int(first), last_year=int(last),
                                 activity_types=tuple(types))
params.publish({"area": filters.area} if filters.area else {}, MEMO, LINK_PARAMS)

params.ensure(K_MEASURE, list(txt.MEASURES), "activities")
measure = st.session_state[K_MEASURE]
with data_guard():
    view = load.process_view(filters, measure)
    rows = load.process_rows(filters)
if view.has_example:
    with badge.container():
        example_badge()

for column, metric in zip(st.columns(len(view.metrics)), view.metrics, strict=True):
    column.metric(metric.label, metric.value, help=metric.help)
    if metric.note:
        column.caption(metric.note)
if view.n == 0:
    st.info(txt.NONE_MATCH, icon=":material/filter_alt:")
    st.stop()

# --------------------------------------------------------------------------------- activities over time
st.header(txt.H_TIME, divider="gray")
st.radio(txt.W_MEASURE, list(txt.MEASURES), format_func=txt.MEASURES.__getitem__, horizontal=True, key=K_MEASURE)
st.caption(view.time_note)
if view.heatmap is not None:
    st.plotly_chart(view.heatmap, key="proces_heatmap", config=CHART_CONFIG)
with st.expander(txt.TABLE_TIME):
    st.dataframe(view.time_table, hide_index=True)

# ------------------------------------------------------------------------------------------------ reach
st.header(txt.H_REACH, divider="gray")
st.caption(view.reach_note)
if view.reach_figure is not None:
    st.plotly_chart(view.reach_figure, key="proces_reach", config=CHART_CONFIG)
with st.expander(txt.TABLE_REACH):
    st.dataframe(view.reach_table, hide_index=True)

# ----------------------------------------------------------------------------------------- lived experience
st.header(txt.H_LIVED, divider="gray")
st.write(view.lived_sentence)
with st.expander(txt.TABLE_LIVED):
    st.dataframe(view.lived_table, hide_index=True)

# ------------------------------------------------------------------------------ jullie zeiden, wij deden
st.header(txt.H_SAID_DID, divider="gray")
st.write(txt.SAID_DID_INTRO)
counts = process.status_counts(view.said_did)
status_options = [s for s in txt.ACTION_STATUS_LABELS if counts.get(s)]
if status_options:
    st.pills(txt.W_ACTION_STATUS, status_options, selection_mode="multi", key=K_STATUS,
             format_func=lambda s: f"{txt.ACTION_STATUS_LABELS[s]} ({counts[s]})")
items = process.filter_said_did(view.said_did, tuple(st.session_state.get(K_STATUS) or ()))
if not items:
    st.info(txt.NOTHING_SAID)
show_all = st.session_state.get(K_ALL, False)
for item in items if show_all else items[:SHOWN]:
    with st.container(border=True):
        st.markdown(f"**{item.head}**  \n**{txt.SAID}:** {item.said}  \n**{txt.DID}:** {item.did}  \n{item.status}"
                    + (f"  \n**{item.link_label}:** {item.link}" if item.link else ""))
        if item.full is not None:
            with st.expander(txt.READ_MORE):
                st.markdown(item.full)
if len(items) > SHOWN:
    st.caption(txt.SHOWN_OF.format(shown=len(items) if show_all else SHOWN, n=len(items)))
    st.toggle(txt.SHOW_ALL.format(n=len(items)), key=K_ALL)

# ---------------------------------------------------------------------------------------------- lessons
st.header(txt.H_LESSONS, divider="gray")
term = st.text_input(txt.W_SEARCH, key=K_SEARCH, placeholder=txt.SEARCH_PLACEHOLDER, max_chars=100) or ""
found = process.lessons(rows, term)
if found.empty:
    st.info(txt.LESSONS_NONE.format(term=text.inert(term)) if term.strip() else txt.LESSONS_EMPTY)
else:
    st.caption(txt.LESSONS_FOUND_ONE if len(found) == 1 else txt.LESSONS_FOUND.format(n=len(found)))
    lessons = process.lesson_items(found)
    show_all_lessons = st.session_state.get(K_ALL_LESSONS, False)
    for lesson in lessons if show_all_lessons else lessons[:SHOWN_LESSONS]:
        st.markdown(f"**{lesson.head}**  \n{lesson.text}")
        if lesson.full is not None:
            with st.expander(txt.READ_MORE):
                st.markdown(lesson.full)
    if len(lessons) > SHOWN_LESSONS:
        st.toggle(txt.SHOW_ALL.format(n=len(lessons)), key=K_ALL_LESSONS)
    with st.expander(txt.TABLE_LESSONS):
        st.dataframe(found, hide_index=True)
        page.downloads(found, label=txt.DOWNLOAD, file_stem="lessen", key="proces_dl_lessons")

st.caption(ctxt.BUILT_AT.format(built_at=meta.get("built_at", ""), version=meta.get("tool_version", "")))
