"""Over de data: indicator catalogue, editions per level, build metadata, and how gaps, weights and status work.
URL /over-de-data?tab=...&theme=... Widgets and wiring only: URL and widgets (`about.state`) -> cached view
(`about.load`) -> the chosen part (`about.sections`)."""

from __future__ import annotations

import streamlit as st

from wijkmonitor.about import load, sections, state
from wijkmonitor.access import explain, session
from wijkmonitor.common import page
from wijkmonitor.common.data import data_guard
from wijkmonitor.texts import over as txt

page.start("over-de-data")
st.title(txt.TITLE)
st.markdown(txt.INTRO)

with data_guard():
    view = load.view()
part = state.tab()
if part != "indicatoren":
    state.keep_theme(view.theme_names)
if part == "bouw":
    sections.build(view, explain.who_sees_what(session.access_config(), login_enabled=session.settings().enabled))
else:
    sections.PARTS[part](view)
