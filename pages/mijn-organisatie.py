"""Mijn organisatie: choose your organisation, see its goals, interventions and results. URL
/mijn-organisatie?partner=<id>. Widgets and wiring only: the goals and the register come from their features'
cached loaders, the partner's selection from `partner_view.view`."""

from __future__ import annotations

import streamlit as st

from wijkmonitor.access import notices, session
from wijkmonitor.common import dutch_ui as nl
from wijkmonitor.common import page
from wijkmonitor.common import url_state as params
from wijkmonitor.common.data import data_guard, example_badge
from wijkmonitor.common.text import inert, md_with
from wijkmonitor.goals import load as goals_load
from wijkmonitor.interventions import load as interventions_load
from wijkmonitor.interventions import results
from wijkmonitor.partner_view.view import options, partner_view
from wijkmonitor.texts import interventies as interventions_txt
from wijkmonitor.texts import mijn_organisatie as txt

page.start("mijn-organisatie")
MEMO, KEY = "mijn_organisatie_url_state", "mijn_organisatie_partner"
st.title(txt.TITLE)
st.write(txt.INTRO)

with data_guard():
    register = interventions_load.register()
    goals = goals_load.view() if goals_load.has_areas() else None
progress = goals.progress if goals is not None else None
known = register.partners
goal_partners = frozenset(p for g in goals.config.goals for p in g.partners) if goals is not None else frozenset()
choices = options(known.names, goal_partners,
                  frozenset(p for ids in register.interventions["partner_ids"] for p in ids))

news = params.incoming(("partner",), MEMO)
if news is not None:
    chosen = params.choose(news.get("partner"), list(choices), None)
    st.session_state[KEY] = chosen.value
    if chosen.rejected is not None:
        st.warning(txt.UNKNOWN.format(value=inert(chosen.rejected)), icon=":material/link_off:")
params.ensure(KEY, [None, *choices], None)
partner = st.selectbox(txt.W_PARTNER, [None, *choices], key=KEY, placeholder=nl.PLACEHOLDER_SELECT,
                       format_func=lambda p: txt.PLACEHOLDER if p is None else choices[p])
params.publish({"partner": partner} if partner else {}, MEMO, ("partner",))
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
if view.goals.empty:
    st.info(txt.NO_GOALS)
else:
    nl.dataframe(view.goals, key="mijn_goals")
    page.downloads(view.goals, label=txt.DOWNLOAD, file_stem=f"doelen_{partner}", key="mijn_dl_goals")
    if partner in goal_partners:
        st.page_link("pages/doelen.py", label=md_with(txt.GOALS_LINK, name=view.name), icon=":material/flag:",
                     query_params={"partner": partner})

st.header(txt.H_INTERVENTIONS, divider="gray")
for status in notices.restricted_statuses(session.access_config()):
    session.withheld_notice(notices.status_subject(status, interventions_txt.STATUS_LABELS.get(status, status)))
if view.interventions.empty:
    st.info(txt.NO_INTERVENTIONS)
else:
    nl.dataframe(view.interventions, key="mijn_interventions")
    page.downloads(view.interventions, label=txt.DOWNLOAD, file_stem=f"interventies_{partner}",
                   key="mijn_dl_interventions")
    st.page_link("pages/interventiemonitor.py", label=md_with(txt.INTERVENTIONS_LINK, name=view.name),
                 icon=":material/construction:", query_params={"partner": partner})

st.header(txt.H_RESULTS, divider="gray")
if view.results.empty:
    st.info(txt.NO_RESULTS)
else:
    nl.dataframe(view.results, key="mijn_results")
    page.downloads(view.results, label=txt.DOWNLOAD, file_stem=f"resultaten_{partner}", key="mijn_dl_results")
