"""Programma-overzicht, the entry page (`streamlit run dashboard.py`): where are the renewal areas behind the
city, and is the gap closing?

Wiring only: cached views (`wijkmonitor.overview.load`) -> sections (`wijkmonitor.overview.sections`).
"""

import streamlit as st

from wijkmonitor.common import page
from wijkmonitor.common.data import data_guard
from wijkmonitor.common.data import meta as build_meta
from wijkmonitor.overview import load, sections
from wijkmonitor.texts import gebied as txt

page.start("")
st.title(txt.OVERVIEW_TITLE)

with data_guard():
    meta = build_meta()
    view = load.overview_view()
    deck = load.overview_map()
    coverage = load.theme_coverage()
gemeente = meta.get("gemeente_name", "")

st.subheader(txt.OVERVIEW_QUESTION)
if not view.matrix.columns:
    st.info(txt.NO_HEADLINES)
    st.stop()
if view.matrix.empty:
    with data_guard():
        sections.city_only(view, load.city_headlines(), deck, gemeente)
else:
    sections.summary_and_map(view, deck, load.area_shapes(), gemeente)
    sections.theme_matrix(view, meta)
sections.coverage(coverage)
st.markdown(txt.TO_GEBIEDSMONITOR)
page.built_note(meta)
