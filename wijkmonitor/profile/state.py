"""Page state of the Wijkprofiel: the unit (`?area=`) and the age group (`?age=`) in the URL. A link sets a
choice when it is new; after that the widget leads and the URL follows it. Uses Streamlit; the matching is
pure and tested in `units.resolve` and the kernel's `url_state.choose`."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from wijkmonitor.common import dutch_ui as nl
from wijkmonitor.common import url_state as params
from wijkmonitor.common.text import inert, markdown, plain
from wijkmonitor.profile.units import Unit, resolve
from wijkmonitor.profile.view import ProfileView
from wijkmonitor.texts import profiel as txt

UNIT_KEY = "profiel_unit"
AGE_KEY = "profiel_age"
PARAM_MEMO = "_profiel_area_param"
AGE_MEMO = "_profiel_age_param"
DEFAULT_AGE = "18plus"


def choose_unit(units: Sequence[Unit], column: DeltaGenerator) -> Unit:
    """The unit selectbox in `column`, set by a new `?area=` (a Dutch note for one it does not know)."""
    by_code = {u.code: u for u in units}
    linked, rejected = resolve(st.query_params.get("area"), units)
    if rejected is not None:
        st.info(txt.UNKNOWN_UNIT.format(value=inert(rejected), default=markdown(units[0].name)),
                icon=":material/link_off:")
    if linked is not None and st.session_state.get(PARAM_MEMO) != linked.code:
        st.session_state[UNIT_KEY] = linked.code
    elif st.session_state.get(UNIT_KEY) not in by_code:
        st.session_state[UNIT_KEY] = units[0].code
    code = column.selectbox(txt.CHOOSE_UNIT, list(by_code), key=UNIT_KEY,
                            format_func=lambda c: plain(by_code[c].label), placeholder=nl.PLACEHOLDER_SELECT)
    st.session_state[PARAM_MEMO] = code
    if st.query_params.get("area") != code:
        st.query_params["area"] = code
    return by_code[code]


def choose_age(first: ProfileView, column: DeltaGenerator) -> str:
    """The age group radio in `column` (the groups the unit has figures for), set by a new `?age=`."""
    linked = params.choose(st.query_params.get("age"), list(first.ages), None)
    if linked.value is not None and st.session_state.get(AGE_MEMO) != linked.value:
        st.session_state[AGE_KEY] = linked.value
    elif st.session_state.get(AGE_KEY) not in first.ages:
        st.session_state[AGE_KEY] = first.default_age(DEFAULT_AGE)
    age = str(column.radio(txt.CHOOSE_AGE, first.ages, key=AGE_KEY, horizontal=True,
                           format_func=lambda a: first.age_labels.get(a, a)))
    st.session_state[AGE_MEMO] = age
    if st.query_params.get("age") != age:
        st.query_params["age"] = age
    return age
