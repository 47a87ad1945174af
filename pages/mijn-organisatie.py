"""Mijn organisatie: choose your organisation, see its goals, interventions and results. URL
/mijn-organisatie?partner=<id>. Widgets and wiring only: the goals and the register come from their features'
cached loaders, the partner's selection from `partner_view.view`, drawn by `partner_view.sections`."""

from __future__ import annotations

import streamlit as st

from wijkmonitor.access import notices, session
from wijkmonitor.common import page, sections
from wijkmonitor.common.data import data_guard, example_badge
from wijkmonitor.common.text import md_with
from wijkmonitor.goals import load as goals_load
from wijkmonitor.interventions import load as interventions_load
from wijkmonitor.interventions import results
from wijkmonitor.partner_view import sections as sections_of
from wijkmonitor.partner_view.view import options, partner_view
from wijkmonitor.texts import interventies as interventions_txt
from wijkmonitor.texts import mijn_organisatie as txt

page.start("mijn-organisatie")
sections.heading(txt.TITLE, txt.INTRO)

with data_guard():
    register = interventions_load.register()
    goals = goals_load.view() if goals_load.has_areas() else None
progress = goals.progress if goals is not None else None
known = register.partners
goal_partners = frozenset(p for g in goals.config.goals for p in g.partners) if goals is not None else frozenset()
choices = options(known.names, goal_partners,
                  frozenset(p for ids in register.interventions["partner_ids"] for p in ids))

partner = sections_of.choose_partner(choices)
if partner is None:
    st.info(txt.CHOOSE, icon=":material/handshake:")
    st.stop()

latest = results.latest(register.results, register.interventions)
view = partner_view(partner, known.names, progress if progress is not None
                    else goals_load.empty_progress(), register.interventions, latest)
if view.has_example:
    example_badge(txt.EXAMPLE_NOTE)
st.markdown(view.sentence)

st.header(txt.H_GOALS, divider="gray")
shown = sections_of.table(view.goals, empty=txt.NO_GOALS, key="goals", file_stem=f"doelen_{partner}")
if shown and partner in goal_partners:
    st.page_link("pages/doelen.py", label=md_with(txt.GOALS_LINK, name=view.name), icon=":material/flag:",
                 query_params={"partner": partner})

st.header(txt.H_INTERVENTIONS, divider="gray")
for status in notices.restricted_statuses(session.access_config()):
    session.withheld_notice(notices.status_subject(status, interventions_txt.STATUS_LABELS.get(status, status)))
if sections_of.table(view.interventions, empty=txt.NO_INTERVENTIONS, key="interventions",
                     file_stem=f"interventies_{partner}"):
    st.page_link("pages/interventiemonitor.py", label=md_with(txt.INTERVENTIONS_LINK, name=view.name),
                 icon=":material/construction:", query_params={"partner": partner})

st.header(txt.H_RESULTS, divider="gray")
sections_of.table(view.results, empty=txt.NO_RESULTS, key="results", file_stem=f"resultaten_{partner}")
