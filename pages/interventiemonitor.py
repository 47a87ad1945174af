"""Interventiemonitor: where the interventions work, the open begroting, a timeline, results against targets
and a card per intervention. Widgets and wiring only: URL and widgets (`interventions.state`) -> cached view
(`interventions.load`) -> render (`interventions.render`)."""

import streamlit as st

from wijkmonitor.access import notices, session
from wijkmonitor.common import dutch_ui as nl
from wijkmonitor.common import page
from wijkmonitor.common.data import data_guard, example_badge
from wijkmonitor.interventions import load, render, state
from wijkmonitor.interventions.maps import MAP_HEIGHT_PX
from wijkmonitor.texts import interventies as txt

page.start("interventiemonitor")
st.title(txt.TITLE)
st.write(txt.INTRO)
badge = st.empty()

with data_guard():
    register = load.register()
    opts = load.filter_options()
    meta = load.meta()
if register.empty:
    st.info(txt.NO_REGISTER, icon=":material/info:")
    st.stop()
for message in state.read_link(opts):
    st.warning(message, icon=":material/link_off:")
filters = state.filter_widgets(opts)
st.caption(txt.AREA_FILTER_NOTE)
if filters.status and session.withheld_notice(
        notices.status_subject(filters.status, opts.statuses[filters.status])).seen == "niets":
    st.stop()  # a link to drafts asks to log in; the rest of the page would only say "nothing found"
with data_guard():
    view = load.intervention_view(filters)
if view.has_example:
    with badge.container():
        example_badge()

st.header(txt.H_SUMMARY, divider="gray")
render.metrics(view.metrics)
st.caption(txt.SUMMARY_NOTE)
if view.n == 0:
    st.info(txt.NONE_MATCH, icon=":material/filter_alt:")

st.header(txt.H_MAP, divider="gray")
if view.deck is None:
    st.info(txt.NO_MAP, icon=":material/map:")
else:
    nl.pydeck_chart(view.deck, height=MAP_HEIGHT_PX, on_select=lambda: state.select_from_map(list(opts.areas)),
                    selection_mode="single-object", key=state.K_MAP,
                    alt=txt.MAP_ALT.format(gemeente=meta.get("gemeente_name", "")))
    st.caption(txt.MAP_NOTE.format(year=view.boundary_year))
render.table(view.map_table, txt.TABLE_MAP, "interventies_per_gebied", "interventie_dl_map")

st.header(txt.H_BUDGET, divider="gray")
st.write(txt.BUDGET_INTRO)
for section in render.budget_sections(view):
    render.chart_section(section)
render.table(view.shared_table, txt.TABLE_SHARED, "interventies_in_meer_gebieden", "interventie_dl_shared")

st.header(txt.H_TIMELINE, divider="gray")
st.caption(" ".join([txt.TIMELINE_NOTE, *view.timeline_notes]))
if view.timeline_figure is not None:
    nl.plotly_chart(view.timeline_figure, key="interventie_timeline", alt=txt.CHART_ALT_TIMELINE)
render.table(view.timeline_table, txt.TABLE_TIMELINE, "tijdlijn", "interventie_dl_timeline")

st.header(txt.H_RESULTS, divider="gray")
if view.results_table.frame.empty:
    st.info(txt.NO_RESULTS, icon=":material/query_stats:")
else:
    render.chart_section(render.results_section(view))

st.header(txt.H_CARDS, divider="gray")
st.caption(txt.CARDS_NOTE.format(n=len(view.cards)))
shown, page_note = state.card_page(view.cards)
if page_note:
    st.caption(page_note)
render.cards(shown)
page.built_note(meta)
