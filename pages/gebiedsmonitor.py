"""Gebiedsmonitor: one indicator on the map of the gemeente, its development per area, all renewal areas.

Widgets and wiring only: URL -> widgets -> cached data calls (`wijkmonitor.area_monitor.load`) -> render.
"""

import streamlit as st

from wijkmonitor.area_monitor import links, load, maps
from wijkmonitor.common import dutch_ui as nl
from wijkmonitor.common import page
from wijkmonitor.common import url_state as params
from wijkmonitor.common.data import data_guard, example_badge
from wijkmonitor.common.data import meta as build_meta
from wijkmonitor.common.indicators import map_level
from wijkmonitor.common.text import md_with, plain
from wijkmonitor.comparison import load as comparison
from wijkmonitor.comparison import sections
from wijkmonitor.texts import gebied as txt

page.start("gebiedsmonitor")

MEMO = "gebied_url_state"
K_THEME, K_INDICATOR, K_AGE, K_YEAR, K_LEVEL, K_AREA, K_MAP_ROUND = (
    "gebied_theme", "gebied_indicator", "gebied_age", "gebied_year", "gebied_level", "gebied_area", "gebied_map_round",
)


def map_key() -> str:
    return f"gebied_map_{st.session_state.get(K_MAP_ROUND, 0)}"


def select_from_map() -> None:
    """A click on a region of the map selects it for the charts, like the selectbox does."""
    objects = st.session_state[map_key()].selection.objects.get(maps.REGIONS_LAYER) or []
    code = (objects[0].get("properties") or {}).get("code") if objects else None
    if code in load.units().codes:
        st.session_state[K_AREA] = code
    # Streamlit dims every unselected region while a selection is active, which would no longer match the
    # legend; a fresh key draws the map anew, and the chosen region keeps its own black outline.
    st.session_state[K_MAP_ROUND] = st.session_state.get(K_MAP_ROUND, 0) + 1


st.title(txt.GEBIED_TITLE)
st.write(txt.GEBIED_INTRO)

with data_guard():
    catalog = load.catalog()
    units = load.units()
    meta = build_meta()
if catalog.empty:
    st.info(txt.NO_OPTIONS)
    st.stop()

news = params.incoming(links.PARAMS, MEMO)
if news is not None:
    chosen, messages = links.parse(news, catalog, units)
    st.session_state.update({K_THEME: chosen.theme, K_INDICATOR: chosen.indicator, K_AGE: chosen.age,
                             K_YEAR: chosen.year, K_LEVEL: chosen.level})
    if chosen.area is not None:
        st.session_state[K_AREA] = chosen.area
    for message in messages:
        st.warning(message, icon=":material/link_off:")

col_theme, col_indicator, col_age, col_year, col_level = st.columns([2, 3, 2, 1.2, 1.6])
params.ensure(K_THEME, list(catalog.themes), next(iter(catalog.themes)))
theme = col_theme.selectbox(txt.W_THEME, list(catalog.themes), format_func=lambda t: plain(catalog.themes[t]),
                            key=K_THEME, placeholder=nl.PLACEHOLDER_SELECT)
indicator_options = catalog.theme_indicators(theme)
params.ensure(K_INDICATOR, indicator_options, catalog.default_indicator(theme))
indicator = col_indicator.selectbox(
    txt.W_INDICATOR, indicator_options, format_func=lambda c: plain(catalog.indicators[c].label), key=K_INDICATOR,
    placeholder=nl.PLACEHOLDER_SELECT,
)
age_options = catalog.age_groups(indicator)
params.ensure(K_AGE, age_options, catalog.default_age(indicator))
age = col_age.selectbox(txt.W_AGE, age_options, format_func=lambda a: plain(catalog.age_label(indicator, a)), key=K_AGE,
                      placeholder=nl.PLACEHOLDER_SELECT)
year_options = sorted(catalog.years(indicator, age), reverse=True)
params.ensure(K_YEAR, year_options, catalog.default_year(indicator, age))
year = col_year.selectbox(txt.W_YEAR, year_options, key=K_YEAR, placeholder=nl.PLACEHOLDER_SELECT)
# A wijk-only source (Leefbaarometer) has no buurt map: the level follows the indicator, and says why.
chosen_level, level_message = map_level(st.session_state.get(K_LEVEL), catalog.indicators[indicator])
st.session_state[K_LEVEL] = chosen_level
level_options = list(catalog.indicators[indicator].levels)
level = col_level.radio(txt.W_LEVEL, level_options, format_func=txt.LEVEL_LABELS.__getitem__, horizontal=True,
                        key=K_LEVEL)
if level_message:
    st.info(level_message, icon=":material/layers:")
if not units.empty:
    params.ensure(K_AREA, list(units.codes), units.default())
area = st.session_state.get(K_AREA)

selection = links.Selection(theme=theme, indicator=indicator, age=age, year=int(year), level=level, area=area)
params.publish(links.to_params(selection), MEMO)

ind = catalog.indicators[indicator]
age_label = catalog.age_label(indicator, age)
gemeente = meta.get("gemeente_name", "")
st.caption(md_with(txt.DEFINITION, label=ind.label, unit_word=txt.UNIT_WORD.get(ind.unit, ind.unit_text),
                                 definition=ind.definition, source=ind.source))

# ------------------------------------------------------------------------------------------------ map
with data_guard():
    map_view = load.map_view(indicator, age, int(year), level, area)
st.header(md_with(txt.H_MAP if map_view.deck is not None else txt.H_MAP_TABLE,
    label=ind.label, age=age_label, year=year, level_plural=txt.LEVEL_PLURAL[level]), divider="gray")
map_col, legend_col = st.columns([3, 1.25])
with map_col:
    if map_view.deck is None:
        st.info(txt.NO_MAP, icon=":material/map:")
    else:
        nl.pydeck_chart(
            map_view.deck, height=maps.MAP_HEIGHT_PX, on_select=select_from_map, selection_mode="single-object",
            key=map_key(), alt=plain(txt.MAP_ALT.format(gemeente=gemeente, level_plural=txt.LEVEL_PLURAL[level],
                                              label=ind.label, year=year)),
        )
        st.caption(txt.MAP_BOUNDARY_NOTE.format(level_singular=txt.LEVEL_SINGULAR[level],
                                                boundary_year=map_view.boundary_year)
                   + " " + txt.MAP_CLICK_HINT.format(level_singular=txt.LEVEL_SINGULAR[level])
                   + " " + map_view.newest)
with legend_col:
    if map_view.legend_html:
        st.html(map_view.legend_html)
    st.write(map_view.sentence)
    if map_view.city_note:
        st.caption(map_view.city_note)
with st.expander(txt.TABLE_MAP):
    nl.dataframe(map_view.table, width="stretch")
    page.downloads(map_view.table, label=txt.DOWNLOAD_MAP, key="gebied_dl_map",
                   file_stem=f"gebiedsmonitor_kaart_{indicator}_{age}_{year}_{level}")

# ---------------------------------------------------------------------------------------------- trend
if area is not None:
    st.header(md_with(txt.H_TREND, name=units.names.get(area, area)), divider="gray")
    st.selectbox(txt.W_AREA, list(units.codes), format_func=lambda c: plain(units.label(c)), key=K_AREA,
                 placeholder=nl.PLACEHOLDER_SELECT)
    with data_guard():
        trend = load.trend_view(area, gemeente, indicator, age, int(year))
    st.markdown(f"**{trend.sentence}**")
    if trend.method_note:
        st.caption(trend.method_note)
    if trend.break_sentence:
        st.warning(trend.break_sentence, icon=":material/timeline:")
    if trend.figure is None:
        st.info(md_with(txt.NO_TREND, name=units.names.get(area, area), label=ind.label, age=age_label))
        if trend.why_missing:
            st.info(trend.why_missing, icon=":material/help:")
        if trend.city_note:
            st.caption(trend.city_note)
    else:
        nl.plotly_chart(trend.figure, key="gebied_trend",
                        alt=txt.CHART_ALT_TREND.format(label=ind.label, name=units.names.get(area, area)))
        st.caption(" ".join(part for part in (trend.newest, trend.city_note) if part))
    with data_guard():
        national_lines, national_table = load.national_comparison(area, gemeente, indicator, int(year))
    if national_lines:
        st.subheader(txt.H_NATIONAL)
        st.markdown("\n".join(f"- {line}" for line in national_lines))
        st.caption(txt.NATIONAL_NOTE)
        with st.expander(txt.TABLE_NATIONAL):
            nl.dataframe(national_table, width="stretch")
            page.downloads(national_table, label=txt.DOWNLOAD_NATIONAL, key="gebied_dl_national",
                           file_stem=f"gebiedsmonitor_nederland_{area}_{indicator}")
    if trend.markers_sentence:
        st.caption(trend.markers_sentence)
    if trend.example_markers:
        example_badge(txt.MARKERS_EXAMPLE)
    with st.expander(txt.TABLE_TREND):
        nl.dataframe(trend.table, width="stretch")
        page.downloads(trend.table, label=txt.DOWNLOAD_TREND, key="gebied_dl_trend",
                       file_stem=f"gebiedsmonitor_ontwikkeling_{area}_{indicator}_{age}")
        if trend.markers_table is not None:
            st.markdown(f"**{txt.H_MARKERS}**")
            nl.dataframe(trend.markers_table, width="stretch")

# ------------------------------------------------- comparison group (issue 13): only for renewal areas
if area is not None and area in units.areas():
    with data_guard():
        sections.indicator_comparison(comparison.indicator_trend(area, units.names[area], gemeente, indicator),
                                      units.names[area], key=f"gebied_cmp_{area}_{indicator}")

# ------------------------------------------------------------------------------------- small multiples
with data_guard():
    areas = load.areas_view(indicator, age, int(year))
if areas.figure is None:
    st.info(txt.NO_AREAS)
else:
    st.header(md_with(txt.H_MULTIPLES, label=ind.label, age=age_label), divider="gray")
    st.write(areas.sentence)
    st.caption(txt.MULTIPLES_SORT_NOTE.format(year=year) + " " + areas.method_note)
    nl.plotly_chart(areas.figure, key="gebied_multiples", alt=txt.CHART_ALT_MULTIPLES.format(label=ind.label))
    st.caption(" ".join(part for part in (areas.newest, areas.city_note) if part))
    with st.expander(txt.TABLE_MULTIPLES):
        nl.dataframe(areas.table, width="stretch")
        page.downloads(areas.table, label=txt.DOWNLOAD_MULTIPLES, key="gebied_dl_multiples",
                       file_stem=f"gebiedsmonitor_gebieden_{indicator}_{age}")
# ------------------------------------------------------ ontwikkelkompas across all renewal areas (issue 13)
with data_guard():
    sections.indicator_compass(comparison.indicator_compass(indicator, age, int(year)), ind.label,
                               comparison.tolerance(), key=f"gebied_kompas_{indicator}_{age}_{year}")
page.built_note(meta)
