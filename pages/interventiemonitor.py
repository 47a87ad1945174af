"""Interventiemonitor: where the interventions work, the open begroting, a timeline, results against targets
and a card per intervention.

Widgets and wiring only: URL -> widgets -> cached view (`wijkmonitor.interventions.load`) -> render.
"""

import streamlit as st

from wijkmonitor.common import dutch_ui as nl
from wijkmonitor.common import page
from wijkmonitor.common import url_state as params
from wijkmonitor.common.data import data_guard, example_badge
from wijkmonitor.interventions import cards, load
from wijkmonitor.interventions.filters import ALL, LINK_PARAMS, Filters, parse_link, to_link
from wijkmonitor.interventions.maps import AREAS_LAYER, MAP_HEIGHT_PX
from wijkmonitor.texts import interventies as txt

page.start("interventiemonitor")

MEMO = "interventie_url_state"
K_AREA, K_THEME, K_ACTIELIJN, K_SPOOR, K_PARTNER, K_PROGRAMME, K_STATUS = (
    "interventie_area", "interventie_theme", "interventie_actielijn", "interventie_spoor", "interventie_partner",
    "interventie_programme", "interventie_status",
)
FILTER_KEYS = (K_AREA, K_THEME, K_ACTIELIJN, K_SPOOR, K_PARTNER, K_PROGRAMME, K_STATUS)
K_MAP, K_PAGE = "interventie_map", "interventie_card_page"


def select_from_map() -> None:
    """A click on an area of the map chooses it in the area filter."""
    objects = st.session_state[K_MAP].selection.objects.get(AREAS_LAYER) or []
    code = (objects[0].get("properties") or {}).get("code") if objects else None
    if code in load.filter_options().areas:
        st.session_state[K_AREA] = code


def reset_filters() -> None:
    for key in FILTER_KEYS:
        st.session_state[key] = ALL


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

news = params.incoming(LINK_PARAMS, MEMO)
if news is not None:
    chosen, messages = parse_link(news, opts)
    st.session_state.update({K_AREA: chosen["area"], K_PROGRAMME: chosen["programme"], K_STATUS: chosen["status"]})
    for message in messages:
        st.warning(message, icon=":material/link_off:")

widgets = (
    (K_AREA, txt.W_AREA, opts.areas), (K_PROGRAMME, txt.W_PROGRAMME, opts.programmes),
    (K_STATUS, txt.W_STATUS, opts.statuses), (K_THEME, txt.W_THEME, opts.themes),
    (K_ACTIELIJN, txt.W_ACTIELIJN, opts.actielijnen), (K_SPOOR, txt.W_SPOOR, opts.sporen),
    (K_PARTNER, txt.W_PARTNER, opts.partners),
)
columns = [*st.columns(4), *st.columns([1, 1, 1, 1], vertical_alignment="bottom")]
for column, (key, label, choices) in zip(columns, widgets, strict=False):
    params.ensure(key, list(choices), ALL)
    column.selectbox(label, list(choices), format_func=choices.__getitem__, key=key,
                     placeholder=nl.PLACEHOLDER_SELECT)
columns[7].button(txt.RESET, on_click=reset_filters, key="interventie_reset", icon=":material/filter_alt_off:")
st.caption(txt.AREA_FILTER_NOTE)

filters = Filters(
    area=st.session_state[K_AREA], theme=st.session_state[K_THEME], actielijn=st.session_state[K_ACTIELIJN],
    spoor=st.session_state[K_SPOOR], partner=st.session_state[K_PARTNER],
    programme=st.session_state[K_PROGRAMME], status=st.session_state[K_STATUS],
)
params.publish(to_link(filters), MEMO, LINK_PARAMS)

with data_guard():
    view = load.intervention_view(filters)
if view.has_example:
    with badge.container():
        example_badge()

# -------------------------------------------------------------------------------------------- summary
st.header(txt.H_SUMMARY, divider="gray")
for column, metric in zip(st.columns(len(view.metrics)), view.metrics, strict=True):
    column.metric(metric.label, metric.value, help=metric.help)
    if metric.note:
        column.caption(metric.note)
st.caption(txt.SUMMARY_NOTE)
if view.n == 0:
    st.info(txt.NONE_MATCH, icon=":material/filter_alt:")

# ------------------------------------------------------------------------------------------------ map
st.header(txt.H_MAP, divider="gray")
if view.deck is None:
    st.info(txt.NO_MAP, icon=":material/map:")
else:
    nl.pydeck_chart(view.deck, height=MAP_HEIGHT_PX, on_select=select_from_map, selection_mode="single-object",
                    key=K_MAP, alt=txt.MAP_ALT.format(gemeente=meta.get("gemeente_name", "")))
    st.caption(txt.MAP_NOTE.format(year=view.boundary_year))
with st.expander(txt.TABLE_MAP):
    nl.dataframe(view.map_table)
    page.downloads(view.map_table, label=txt.DOWNLOAD, file_stem="interventies_per_gebied", key="interventie_dl_map")

# ------------------------------------------------------------------------------------ open begroting
st.header(txt.H_BUDGET, divider="gray")
st.write(txt.BUDGET_INTRO)
for heading, note, figure, alt, table_title, table, name, file_name in (
    (txt.H_BUDGET_PROGRAMME, view.programme_note, view.programme_figure, txt.CHART_ALT_PROGRAMMES,
     txt.TABLE_PROGRAMME, view.programme_table, "programmes", "open_begroting_per_programma"),
    (txt.H_BUDGET_AREA, view.area_note, view.area_figure, txt.CHART_ALT_AREAS, txt.TABLE_AREA, view.area_table,
     "areas", "open_begroting_per_gebied"),
):
    st.subheader(heading)
    st.caption(note)
    if figure is not None:
        nl.plotly_chart(figure, key=f"interventie_{name}", alt=alt)
    with st.expander(table_title):
        nl.dataframe(table.frame)
        page.downloads(table.frame, label=txt.DOWNLOAD, file_stem=file_name, key=f"interventie_dl_{name}")
with st.expander(txt.TABLE_SHARED):
    nl.dataframe(view.shared_table)
    page.downloads(view.shared_table, label=txt.DOWNLOAD, file_stem="interventies_in_meer_gebieden",
                   key="interventie_dl_shared")

# ------------------------------------------------------------------------------------------- timeline
st.header(txt.H_TIMELINE, divider="gray")
st.caption(" ".join([txt.TIMELINE_NOTE, *view.timeline_notes]))
if view.timeline_figure is not None:
    nl.plotly_chart(view.timeline_figure, key="interventie_timeline", alt=txt.CHART_ALT_TIMELINE)
with st.expander(txt.TABLE_TIMELINE):
    nl.dataframe(view.timeline_table)
    page.downloads(view.timeline_table, label=txt.DOWNLOAD, file_stem="tijdlijn", key="interventie_dl_timeline")

# -------------------------------------------------------------------------------------------- results
st.header(txt.H_RESULTS, divider="gray")
if view.results_table.frame.empty:
    st.info(txt.NO_RESULTS, icon=":material/query_stats:")
else:
    st.caption(view.results_note)
    if view.results_figure is not None:
        nl.plotly_chart(view.results_figure, key="interventions_results", alt=txt.CHART_ALT_RESULTS)
    with st.expander(txt.TABLE_RESULTS):
        nl.dataframe(view.results_table.frame)
        page.downloads(view.results_table.frame, label=txt.DOWNLOAD, file_stem="resultaten",
                       key="interventie_dl_results")

# ---------------------------------------------------------------------------------------------- cards
st.header(txt.H_CARDS, divider="gray")
st.caption(txt.CARDS_NOTE.format(n=len(view.cards)))
pages = cards.page_count(len(view.cards))
number = 1
if pages > 1:
    params.ensure(K_PAGE, list(range(1, pages + 1)), 1)
    number = st.segmented_control(txt.CARDS_PAGE, list(range(1, pages + 1)), key=K_PAGE, required=True) or 1
    first = (number - 1) * cards.PAGE_SIZE + 1
    st.caption(txt.CARDS_PAGE_NOTE.format(first=first, last=min(first + cards.PAGE_SIZE - 1, len(view.cards)),
                                          n=len(view.cards)))
shown = cards.page(view.cards, number)
grid = st.columns(2)
for index, card in enumerate(shown):
    with grid[index % 2].container(border=True):
        st.markdown(f"### {card.title}")
        if card.is_example:
            st.caption(txt.CARD_EXAMPLE_NOTE)
        st.markdown(card.description)
        if card.description_full is not None:
            with st.expander(txt.READ_MORE):
                st.markdown(card.description_full)
        st.markdown(card.fields)
        if card.results:
            st.markdown(f"**{txt.F_RESULTS}:**\n" + "\n".join(f"- {line}" for line in card.results))

page.built_note(meta)
