"""Wijkprofiel: one buurt, wijk or renewal area against the city, with the ontwikkelkompas. URL
/wijkprofiel?area=...&age=... Widgets and wiring only: URL and widgets (`profile.state`) -> cached profile
(`profile.load`) -> sections (`profile.sections`, `comparison.sections` for a renewal area)."""

from __future__ import annotations

import streamlit as st

from wijkmonitor.common import page
from wijkmonitor.common.data import data_guard
from wijkmonitor.common.load import wijk_notes
from wijkmonitor.comparison import load as comparison
from wijkmonitor.comparison import sections as compare
from wijkmonitor.errors import DataUnavailable
from wijkmonitor.profile import load, sections, state
from wijkmonitor.profile.print_css import PAGE_PRINT_CSS
from wijkmonitor.texts import profiel as txt

page.start("wijkprofiel")
st.html(PAGE_PRINT_CSS)
st.title(txt.TITLE)
st.markdown(txt.INTRO)

with data_guard():
    units = load.units()
    if not units:
        raise DataUnavailable(txt.NO_UNITS)
unit_col, age_col = st.columns([2, 3])
unit = state.choose_unit(units, unit_col)
with data_guard():
    first = load.profile(unit, state.DEFAULT_AGE)
age = state.choose_age(first, age_col)
with data_guard():
    view = first if age == first.age_group else load.profile(unit, age)

sections.heading(view)
is_area = unit.unit_type == "area"
if is_area:  # Issue 13: the profile of a renewal area opens with what stands out, before the detail.
    with data_guard():
        compare.wat_opvalt(comparison.wat_opvalt(unit.code, unit.name, view.city_name, age))
sections.summary(view)
with data_guard():
    # A wijk-only source (Leefbaarometer) has no value for an area that is not made of whole wijken: say why.
    why_not = wijk_notes().get(unit.code)
sections.themes(view, why_not)
if is_area:
    with data_guard():
        compare.area_compass(comparison.area_compass(unit.code, unit.name, age), unit.name,
                             comparison.tolerance(), key=f"profiel_kompas_{unit.code}_{age}")
        compare.area_comparison(comparison.area_comparison(unit.code, unit.name, view.city_name),
                                comparison.balance_limit(), key=f"profiel_cmp_{unit.code}")
else:
    sections.compass(view)
sections.context_and_registers(view)
sections.downloads(view)
