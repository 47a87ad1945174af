"""Procesmonitor: activities and reach per area over time, reach against the number of inhabitants, lived
experience, "jullie zeiden, wij deden" and the lessons learned.

Widgets and wiring only: URL -> widgets -> cached view (`wijkmonitor.interventions.load`) -> render.
"""

import streamlit as st

from wijkmonitor.common import dutch_ui as nl
from wijkmonitor.common import page, text
from wijkmonitor.common import url_state as params
from wijkmonitor.common.data import data_guard, example_badge
from wijkmonitor.interventions import load, process
from wijkmonitor.interventions.filters import parse_one
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
col_area.selectbox(txt.W_AREA, list(opts.areas), format_func=opts.areas.__getitem__, key=K_AREA,
                   placeholder=nl.PLACEHOLDER_SELECT)
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
    nl.plotly_chart(view.heatmap, key="proces_heatmap",
                    alt=txt.CHART_ALT_HEATMAP.format(measure=txt.MEASURES[measure].lower()))
with st.expander(txt.TABLE_TIME):
    nl.dataframe(view.time_table)
    page.downloads(view.time_table, label=txt.DOWNLOAD, file_stem="activiteiten_per_gebied", key="proces_dl_time")

# ------------------------------------------------------------------------------------------------ reach
st.header(txt.H_REACH, divider="gray")
st.caption(view.reach_note)
if view.reach_figure is not None:
    nl.plotly_chart(view.reach_figure, key="proces_reach", alt=txt.CHART_ALT_REACH)
with st.expander(txt.TABLE_REACH):
    nl.dataframe(view.reach_table)
    page.downloads(view.reach_table, label=txt.DOWNLOAD, file_stem="bereik_per_gebied", key="proces_dl_reach")

# ----------------------------------------------------------------------------------------- lived experience
st.header(txt.H_LIVED, divider="gray")
st.write(view.lived_sentence)
with st.expander(txt.TABLE_LIVED):
    nl.dataframe(view.lived_table)
    page.downloads(view.lived_table, label=txt.DOWNLOAD, file_stem="ervaringskennis", key="proces_dl_lived")

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
        nl.dataframe(found)
        page.downloads(found, label=txt.DOWNLOAD, file_stem="lessen", key="proces_dl_lessons")

page.built_note(meta)
