"""Wijkprofiel: one buurt, wijk or renewal area against the city, with the ontwikkelkompas. URL /wijkprofiel?area=."""

from __future__ import annotations

from functools import partial

import streamlit as st

from wijkmonitor.access import notices, session
from wijkmonitor.area_monitor import load as area_load
from wijkmonitor.common import dutch_ui as nl
from wijkmonitor.common import page, show
from wijkmonitor.common import url_state as params
from wijkmonitor.common.data import data_guard, example_badge
from wijkmonitor.common.text import inert, markdown, plain
from wijkmonitor.comparison import load as comparison
from wijkmonitor.comparison import sections
from wijkmonitor.errors import DataUnavailable
from wijkmonitor.profile import load
from wijkmonitor.profile.export import profile_csv, profile_html, profile_xlsx
from wijkmonitor.profile.print_css import PAGE_PRINT_CSS
from wijkmonitor.profile.units import resolve
from wijkmonitor.texts import profiel as txt

page.start("wijkprofiel")

UNIT_KEY = "profiel_unit"
AGE_KEY = "profiel_age"
PARAM_MEMO = "_profiel_area_param"
AGE_MEMO = "_profiel_age_param"
DEFAULT_AGE = "18plus"



st.html(PAGE_PRINT_CSS)
st.title(txt.TITLE)
st.markdown(txt.INTRO)

with data_guard():
    units = load.units()
    if not units:
        raise DataUnavailable(txt.NO_UNITS)
by_code = {u.code: u for u in units}

# A link (?area=...) sets the choice when it is new; after that the widget leads and the URL follows it.
raw = st.query_params.get("area")
linked, rejected = resolve(raw, units)
if rejected is not None:
    st.info(txt.UNKNOWN_UNIT.format(value=inert(rejected), default=markdown(units[0].name)), icon=":material/link_off:")
if linked is not None and st.session_state.get(PARAM_MEMO) != linked.code:
    st.session_state[UNIT_KEY] = linked.code
elif st.session_state.get(UNIT_KEY) not in by_code:
    st.session_state[UNIT_KEY] = units[0].code

unit_col, age_col = st.columns([2, 3])
code = unit_col.selectbox(txt.CHOOSE_UNIT, list(by_code), key=UNIT_KEY, format_func=lambda c: plain(by_code[c].label),
                          placeholder=nl.PLACEHOLDER_SELECT)
unit = by_code[code]
st.session_state[PARAM_MEMO] = code
if st.query_params.get("area") != code:
    st.query_params["area"] = code

with data_guard():
    first = load.profile(unit, DEFAULT_AGE)
# The age group follows the same rule as the area: a new ?age= in the link sets it, then the widget leads.
linked_age = params.choose(st.query_params.get("age"), list(first.ages), None)
if linked_age.value is not None and st.session_state.get(AGE_MEMO) != linked_age.value:
    st.session_state[AGE_KEY] = linked_age.value
elif st.session_state.get(AGE_KEY) not in first.ages:
    st.session_state[AGE_KEY] = first.default_age(DEFAULT_AGE)
age = age_col.radio(txt.CHOOSE_AGE, first.ages, key=AGE_KEY, horizontal=True,
                    format_func=lambda a: first.age_labels.get(a, a))
st.session_state[AGE_MEMO] = age
if st.query_params.get("age") != age:
    st.query_params["age"] = age

with data_guard():
    view = first if age == first.age_group else load.profile(unit, age)

st.header(view.title, anchor="profiel")
st.caption(f"{view.subtitle}  \n{view.data_version}")
is_area = unit.unit_type == "area"
city_name = view.city_name
if is_area:
    # Issue 13: the profile of a renewal area opens with what stands out, before the detail.
    with data_guard():
        sections.wat_opvalt(comparison.wat_opvalt(unit.code, unit.name, city_name, age))
st.markdown(view.summary)
if view.method_note:
    if view.unweighted:
        st.warning(view.method_note, icon=":material/balance:")
    else:
        st.caption(view.method_note)

st.subheader(txt.SECTION_COMPARE)
st.caption(txt.SECTION_COMPARE_HELP)
with data_guard():
    # A wijk-only source (Leefbaarometer) has no value for an area that is not made of whole wijken: say why,
    # and say that the city figure of such a source is computed from the wijken.
    why_not = area_load.wijk_notes().get(unit.code)
if why_not:
    st.info(txt.WIJK_ONLY_WHY.format(note=markdown(why_not)), icon=":material/help:")
st.caption(txt.CITY_COMPUTED_NOTE)
for block in view.themes:
    show.heading(block.name)
    nl.plotly_chart(block.figure, width="content", key=f"profiel_{block.theme_id}", alt=block.alt)
    show.table(block.table, hide_index=True)

if is_area:
    with data_guard():
        sections.area_compass(comparison.area_compass(unit.code, unit.name, age), unit.name,
                              comparison.tolerance(), key=f"profiel_kompas_{unit.code}_{age}")
        sections.area_comparison(comparison.area_comparison(unit.code, unit.name, city_name),
                                 comparison.balance_limit(), key=f"profiel_cmp_{unit.code}")
else:
    st.subheader(txt.SECTION_COMPASS)
    st.caption(view.compass_help)
    if view.compass.empty:
        st.info(txt.COMPASS_NONE)
    else:
        st.markdown(view.compass_summary)
        show.table(view.compass, hide_index=True)

if not view.context_table.empty:
    st.subheader(txt.SECTION_CONTEXT)
    st.caption(txt.SECTION_CONTEXT_HELP)
    show.table(view.context_table, hide_index=True)

st.subheader(txt.SECTION_REGISTERS)
if view.interventions is None:
    st.info(txt.NO_REGISTERS, icon=":material/info:")
else:
    st.caption(txt.REGISTERS_HELP)
    if view.has_example_registers:
        example_badge()
    st.markdown(f"#### {txt.INTERVENTIONS}")
    if view.interventions.empty:
        st.caption(txt.NO_INTERVENTIONS)
    else:
        show.table(view.interventions_table, hide_index=True)
    st.markdown(f"#### {txt.PROCESS}")
    session.withheld_notice(notices.OPEN_INPUT)
    if view.process is None or view.process.empty:
        st.caption(txt.NO_PROCESS)
    else:
        show.table(view.process_table, hide_index=True)

st.subheader(txt.SECTION_DOWNLOADS)
st.caption(txt.PRINT_HINT)
html_col, csv_col, xlsx_col = st.columns(3)
# Callables: a file is only built when its button is pressed, not on every rerun.
html_col.download_button(txt.DOWNLOAD_HTML, partial(profile_html, view), file_name=f"{view.file_stem}.html",
                         mime="text/html", key="profiel_html", icon=":material/description:", on_click="ignore")
csv_col.download_button(txt.DOWNLOAD_CSV, partial(profile_csv, view), file_name=f"{view.file_stem}.csv",
                        mime="text/csv", key="profiel_csv", icon=":material/table:", on_click="ignore")
xlsx_col.download_button(
    txt.DOWNLOAD_XLSX, partial(profile_xlsx, view), file_name=f"{view.file_stem}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="profiel_xlsx",
    icon=":material/grid_on:", on_click="ignore",
)
st.caption(txt.SOURCES)
