"""Gebiedsmonitor: one indicator on the map of the gemeente, its development per area, all renewal areas.

Widgets and wiring only: URL and widgets (`area_monitor.state`) -> cached views (`area_monitor.load`) ->
sections (`area_monitor.sections`, `comparison.sections`).
"""

import streamlit as st

from wijkmonitor.area_monitor import load, sections, state
from wijkmonitor.common import page
from wijkmonitor.common.data import data_guard
from wijkmonitor.common.data import meta as build_meta
from wijkmonitor.common.text import md_with
from wijkmonitor.comparison import load as comparison
from wijkmonitor.comparison import sections as compare
from wijkmonitor.texts import gebied as txt

page.start("gebiedsmonitor")
st.title(txt.GEBIED_TITLE)
st.write(txt.GEBIED_INTRO)

with data_guard():
    catalog = load.catalog()
    units = load.units()
    meta = build_meta()
if catalog.empty:
    st.info(txt.NO_OPTIONS)
    st.stop()
for message in state.read_link(catalog, units):
    st.warning(message, icon=":material/link_off:")
sel = state.widgets(catalog, units)
ind, age_label, year = catalog.indicators[sel.indicator], catalog.age_label(sel.indicator, sel.age), sel.year
gemeente, area = meta.get("gemeente_name", ""), sel.area
sections.definition(ind)

with data_guard():
    map_view = load.map_view(sel.indicator, sel.age, year, sel.level, area)
sections.map_section(map_view, sel, ind, age_label, gemeente, key=state.map_key(),
                     on_select=lambda: state.select_from_map(units))

if area is not None:
    name = units.names.get(area, area)
    st.header(md_with(txt.H_TREND, name=name), divider="gray")
    state.area_widget(units)
    with data_guard():
        trend = load.trend_view(area, gemeente, sel.indicator, sel.age, year)
        national_lines, national_table = load.national_comparison(area, gemeente, sel.indicator, year)
    sections.trend_section(trend, sel, ind, age_label, name)
    sections.national_section(national_lines, national_table, sel)
    sections.trend_table(trend, sel)
    if area in units.areas():  # the comparison group (issue 13): only for renewal areas
        with data_guard():
            compare.indicator_comparison(comparison.indicator_trend(area, name, gemeente, sel.indicator), name,
                                         key=f"gebied_cmp_{area}_{sel.indicator}")

with data_guard():
    sections.multiples_section(load.areas_view(sel.indicator, sel.age, year), sel, ind, age_label)
    # The ontwikkelkompas across all renewal areas (issue 13).
    compare.indicator_compass(comparison.indicator_compass(sel.indicator, sel.age, year), ind.label,
                              comparison.tolerance(), key=f"gebied_kompas_{sel.indicator}_{sel.age}_{year}")
page.built_note(meta)
